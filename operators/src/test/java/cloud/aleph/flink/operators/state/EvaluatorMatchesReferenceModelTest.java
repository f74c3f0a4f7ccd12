package cloud.aleph.flink.operators.state;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The job's state logic (the evaluator per owner, the kept copies, the volume index) gives the
 * reference model's state on the convergence workload, in any order.
 */
class EvaluatorMatchesReferenceModelTest {

    private static final Function<String, Verdict> VERIFIER = ReferenceModel.memoizing(ReferenceModel.defaultVerifier());

    @Test
    void theJobsLogicGivesTheReferenceModelsStateOnTheConvergenceWorkload() {
        List<String> envelopes = ConvergenceWorkload.generate(ConvergenceWorkload.DEFAULT_SEED).envelopes();
        ObjectNode expected = new ReferenceModel(true, VERIFIER).state(envelopes);

        ObjectNode actual = PipelineSimulation.state(envelopes, VERIFIER);

        assertSameState(actual, expected);
    }

    @Test
    void andDoesSoInAnyOrder() {
        List<String> envelopes = new ArrayList<>(ConvergenceWorkload.generate(ConvergenceWorkload.DEFAULT_SEED).envelopes());
        String expected = canonical(new ReferenceModel(true, VERIFIER).state(envelopes));
        Random random = new Random(11);
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(envelopes, random);
            assertThat(canonical(PipelineSimulation.state(envelopes, VERIFIER))).isEqualTo(expected);
        }
    }

    /** Compares section by section and entry by entry, so that a failure names the first differing entry. */
    static void assertSameState(JsonNode actual, JsonNode expected) {
        for (Iterator<Map.Entry<String, JsonNode>> sections = expected.fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            JsonNode actualSection = actual.get(section.getKey());
            assertThat(actualSection).as("section %s", section.getKey()).isNotNull();
            for (Iterator<Map.Entry<String, JsonNode>> entries = section.getValue().fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                assertThat(canonical(actualSection.path(entry.getKey())))
                        .as("%s %s", section.getKey(), entry.getKey())
                        .isEqualTo(canonical(entry.getValue()));
            }
            List<String> extra = new ArrayList<>();
            actualSection.fieldNames().forEachRemaining(name -> {
                if (!section.getValue().has(name)) {
                    extra.add(name);
                }
            });
            assertThat(extra).as("entries of %s the model does not have", section.getKey()).isEmpty();
        }
        assertThat(canonical(actual)).isEqualTo(canonical(expected));
    }

    /** Compact JSON with the keys of every object sorted: key order inside contents carries no meaning. */
    static String canonical(JsonNode node) {
        return ReferenceModel.text(sorted(node));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            names.forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
