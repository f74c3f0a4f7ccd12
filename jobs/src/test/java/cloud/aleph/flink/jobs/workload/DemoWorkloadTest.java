package cloud.aleph.flink.jobs.workload;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.verify.MessageVerifier;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoWorkloadTest {

    private static final MessageVerifier VERIFIER = MessageVerifier.withDefaultVerifiers();
    private static final double BASE_TIME = 1_700_000_000.0;

    @ParameterizedTest
    @EnumSource(DemoWorkload.BadInput.class)
    void everyKindOfBadInputGetsTheCodeItDeclares(DemoWorkload.BadInput kind) {
        for (long seed = 0; seed < 8; seed++) {
            WorkloadMessage message = kind.make(new DemoWorkload(seed, BASE_TIME));

            Verdict verdict = VERIFIER.verifyLine(message.json());

            assertThat(verdict.isAccepted()).as("%s (seed %d) must be rejected", kind, seed).isFalse();
            assertThat(verdict.rejected().errorCode()).as("%s (seed %d): %s", kind, seed, verdict.rejected().reason())
                    .isEqualTo(message.expectedError());
            assertThat(verdict.rejected().rejectionId()).isEqualTo(message.rejectionId());
            assertThat(verdict.rejected().itemHash()).isEqualTo(message.itemHash());
        }
    }

    @Test
    void validMessagesAreAcceptedAsSignedByEthAndSolAccounts() {
        List<WorkloadMessage> workload = DemoWorkload.generate(64, 0, 3, BASE_TIME);

        assertThat(workload).hasSize(64).allMatch(WorkloadMessage::expectedValid);
        for (WorkloadMessage message : workload) {
            Verdict verdict = VERIFIER.verifyLine(message.json());
            assertThat(verdict.isAccepted()).as("%s: %s", message.kind(), verdict.rejected()).isTrue();
            assertThat(verdict.accepted().itemHash()).isEqualTo(message.itemHash());
            assertThat(verdict.accepted().type().wire()).isEqualTo(message.kind());
        }
        Set<Chain> chains = workload.stream().map(m -> VERIFIER.verifyLine(m.json()).accepted().chain()).collect(Collectors.toSet());
        assertThat(chains).containsExactlyInAnyOrder(Chain.ETH, Chain.SOL);
        assertThat(workload).extracting(WorkloadMessage::kind).contains("POST", "AGGREGATE", "STORE");
        assertThat(workload).extracting(WorkloadMessage::itemHash).doesNotHaveDuplicates();
    }

    @Test
    void badInputsCycleThroughEveryKindWithDistinctLabels() {
        int kinds = DemoWorkload.BadInput.values().length;
        List<WorkloadMessage> workload = DemoWorkload.generate(0, 2 * kinds, 5, BASE_TIME);

        assertThat(workload).hasSize(2 * kinds).noneMatch(WorkloadMessage::expectedValid);
        assertThat(workload.stream().map(WorkloadMessage::kind).distinct()).hasSize(kinds);
        assertThat(workload).extracting(WorkloadMessage::rejectionId).doesNotHaveDuplicates();
        for (WorkloadMessage message : workload) {
            assertThat(VERIFIER.verifyLine(message.json()).rejected().errorCode()).as(message.kind())
                    .isEqualTo(message.expectedError());
        }
    }

    @Test
    void theSameSeedGivesTheSameMessages() {
        List<WorkloadMessage> first = DemoWorkload.generate(40, 18, 42, BASE_TIME);
        List<WorkloadMessage> again = DemoWorkload.generate(40, 18, 42, BASE_TIME);
        List<WorkloadMessage> otherSeed = DemoWorkload.generate(40, 18, 43, BASE_TIME);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void oversizedInputExceedsTheInlineLimitByItsContentAlone() throws Exception {
        WorkloadMessage oversized = DemoWorkload.BadInput.OVERSIZED.make(new DemoWorkload(1, BASE_TIME));
        String itemContent = AlephJson.parse(oversized.json()).get("item_content").textValue();

        assertThat(itemContent.codePointCount(0, itemContent.length())).isGreaterThan(200_000);
        assertThat(VERIFIER.verifyLine(oversized.json()).rejected().reason()).isEqualTo("Message too long");
    }
}
