package cloud.aleph.flink.operators.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workload is what it claims to be, and the model agrees with what the generator built each message for. */
class ConvergenceWorkloadTest {

    private static ConvergenceWorkload workload;
    private static JsonNode state;

    @BeforeAll
    static void generate() {
        workload = ConvergenceWorkload.generate(ConvergenceWorkload.DEFAULT_SEED);
        state = new ReferenceModel().state(workload.envelopes());
    }

    @Test
    void itHoldsAtLeast2000DistinctSignedMessagesBesidesCopiesAndBadInput() {
        int signed = 0;
        for (Map.Entry<String, Integer> kind : workload.composition().entrySet()) {
            if (!kind.getKey().startsWith("bad input") && !kind.getKey().startsWith("exact duplicate")
                    && !kind.getKey().startsWith("relayed copy") && !kind.getKey().startsWith("conformance")) {
                signed += kind.getValue();
            }
        }
        assertThat(signed).isGreaterThanOrEqualTo(2000);
        assertThat(workload.composition().get("exact duplicate")).isGreaterThan(50);
        assertThat(workload.composition().get("relayed copy, other envelope time and channel")).isGreaterThan(20);
        assertThat(workload.envelopes()).hasSize(workload.composition().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void generatingTwiceGivesTheSameEnvelopes() {
        assertThat(ConvergenceWorkload.generate(ConvergenceWorkload.DEFAULT_SEED).envelopes()).isEqualTo(workload.envelopes());
    }

    @Test
    void everyMessageEndsAsTheGeneratorIntended() {
        List<String> mismatches = new ArrayList<>();
        workload.expected().forEach((hash, intent) -> {
            String actual = status(hash);
            if (!intent.equals(actual)) {
                mismatches.add(hash + ": built for " + intent + ", model says " + actual);
            }
        });
        assertThat(mismatches).isEmpty();
        assertThat(workload.expected()).hasSizeGreaterThan(2000);
    }

    @Test
    void everyRuleOutcomeOccurs() {
        Map<String, Integer> counts = outcomeCounts();
        for (String outcome : List.of("processed", "forgotten", "rejected 0", "rejected 1", "rejected 2", "rejected 3",
                "rejected 101", "rejected 102", "rejected 200", "rejected 201", "rejected 300", "rejected 301", "rejected 302",
                "rejected 303", "rejected 500", "rejected 501", "rejected 502")) {
            assertThat(counts).as(outcome).containsKey(outcome);
        }
        assertThat(state.get("posts").size()).isGreaterThan(100);
        assertThat(state.get("aggregates").size()).isGreaterThan(13);
        assertThat(state.get("files").size()).isGreaterThan(50);
        assertThat(state.get("vms").size()).isGreaterThan(40);
        assertThat(state.get("forgotten").size()).isEqualTo(counts.get("forgotten"));
    }

    /** Outcome counts over all statuses, e.g. {@code processed → 1500}; printed for the record. */
    static Map<String, Integer> outcomeCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        state.get("statuses").fields().forEachRemaining(entry -> counts.merge(status(entry.getKey()), 1, Integer::sum));
        System.out.println("workload composition: " + workload.composition());
        System.out.println("model outcomes: " + counts);
        return counts;
    }

    private static String status(String hash) {
        JsonNode entry = state.get("statuses").get(hash);
        if (entry == null) {
            return "absent";
        }
        JsonNode code = entry.get("error_code");
        return entry.get("status").textValue() + (code.isNull() ? "" : " " + code.intValue());
    }
}
