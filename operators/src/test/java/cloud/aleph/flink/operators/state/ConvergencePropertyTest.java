package cloud.aleph.flink.operators.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model's state is a function of the set of messages: not of their order, nor of duplicates. */
class ConvergencePropertyTest {

    private static final int PERMUTATIONS = 50;

    /** Verification is a pure function of the envelope text, so verdicts are computed once per text. */
    private static final ReferenceModel MODEL =
            new ReferenceModel(true, ReferenceModel.memoizing(ReferenceModel.defaultVerifier()));

    private static List<String> envelopes;
    private static String inGenerationOrder;

    @BeforeAll
    static void generate() {
        envelopes = ConvergenceWorkload.generate(ConvergenceWorkload.DEFAULT_SEED).envelopes();
        inGenerationOrder = ReferenceModel.text(MODEL.state(envelopes));
    }

    @Test
    void fiftyPermutationsGiveTheSameState() {
        Random random = new Random(1);
        for (int i = 0; i < PERMUTATIONS; i++) {
            List<String> shuffled = new ArrayList<>(envelopes);
            Collections.shuffle(shuffled, random);
            assertThat(ReferenceModel.text(MODEL.state(shuffled))).as("permutation %d", i).isEqualTo(inGenerationOrder);
        }
    }

    @Test
    void fiftyPermutationsWithEveryMessageTwiceGiveTheSameState() {
        Random random = new Random(2);
        for (int i = 0; i < PERMUTATIONS; i++) {
            List<String> doubled = new ArrayList<>(envelopes);
            doubled.addAll(envelopes);
            Collections.shuffle(doubled, random);
            assertThat(ReferenceModel.text(MODEL.state(doubled))).as("permutation %d", i).isEqualTo(inGenerationOrder);
        }
    }

    @Test
    void theReversedOrderGivesTheSameStateWithoutMemoizedVerdicts() {
        List<String> reversed = new ArrayList<>(envelopes);
        Collections.reverse(reversed);
        assertThat(ReferenceModel.text(new ReferenceModel().state(reversed))).isEqualTo(inGenerationOrder);
    }

    @Test
    void theStateBeforeExpiryIsAlsoOrderIndependentAndOnlyDiffersInWaitingStatuses() {
        ReferenceModel waiting = new ReferenceModel(false, ReferenceModel.memoizing(ReferenceModel.defaultVerifier()));
        String expected = ReferenceModel.text(waiting.state(envelopes));
        Random random = new Random(3);
        for (int i = 0; i < 5; i++) {
            List<String> shuffled = new ArrayList<>(envelopes);
            Collections.shuffle(shuffled, random);
            assertThat(ReferenceModel.text(waiting.state(shuffled))).isEqualTo(expected);
        }
        String withPendingAsRejected = expected.replace("\"status\":\"pending\"", "\"status\":\"rejected\"");
        assertThat(withPendingAsRejected).isEqualTo(inGenerationOrder);
        assertThat(expected).contains("\"status\":\"pending\"");
    }
}
