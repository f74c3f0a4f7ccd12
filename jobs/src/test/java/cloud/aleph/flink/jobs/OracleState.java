package cloud.aleph.flink.jobs;

import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.state.ReferenceModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What the test oracle (the sequential reference model of docs/state-semantics.md, from the
 * operators' test-jar) makes of published envelopes: the exported agreed state once every wait has
 * expired, as the job's state must be after {@code aleph.state.max-wait}.
 */
final class OracleState {

    /** Verification is a pure function of the text: its verdicts are shared by every test of the JVM. */
    private static final Function<String, Verdict> VERIFIER = ReferenceModel.memoizing(ReferenceModel.defaultVerifier());

    private OracleState() {}

    /** The state (§8, keys sorted) after every wait expired, of the envelopes as published (duplicates included). */
    static ObjectNode of(List<String> envelopes) {
        return new ReferenceModel(true, VERIFIER).state(envelopes);
    }

    /** The rejection ids of the envelopes rejected at verification (each distinct text once). */
    static Set<String> rejectionIds(List<String> envelopes) {
        Set<String> ids = new LinkedHashSet<>();
        for (String envelope : envelopes) {
            Verdict verdict = VERIFIER.apply(envelope);
            if (!verdict.isAccepted()) {
                ids.add(verdict.rejected().rejectionId());
            }
        }
        return ids;
    }

    /** The item_hashes a state gives a status. */
    static Set<String> itemHashes(JsonNode state) {
        Set<String> hashes = new LinkedHashSet<>();
        state.get("statuses").fieldNames().forEachRemaining(hashes::add);
        return hashes;
    }

    /** The item_hashes of a state whose status is {@code status}. */
    static List<String> withStatus(JsonNode state, String status) {
        List<String> hashes = new ArrayList<>();
        state.get("statuses").fields().forEachRemaining(entry -> {
            if (status.equals(entry.getValue().get("status").textValue())) {
                hashes.add(entry.getKey());
            }
        });
        return hashes;
    }
}
