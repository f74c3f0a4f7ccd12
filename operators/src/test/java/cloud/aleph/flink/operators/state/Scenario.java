package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.signing.MessageSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A small hand-written set of signed messages for one rule test, and the model's state of it. */
final class Scenario {

    static final String CHANNEL = "TEST";

    private final List<String> envelopes = new ArrayList<>();
    private double envelopeTime = 1_700_000_000;

    /** Signs and adds a message in {@link #CHANNEL}; returns its item_hash. */
    String add(MessageType type, ObjectNode content, MessageSigner signer) {
        return add(type, content, signer, CHANNEL);
    }

    String add(MessageType type, ObjectNode content, MessageSigner signer, String channel) {
        envelopeTime += 1;
        StateMessages.Signed signed = StateMessages.sign(type, content, signer, channel, envelopeTime);
        envelopes.add(signed.envelope());
        return signed.hash();
    }

    void addRaw(String envelope) {
        envelopes.add(envelope);
    }

    List<String> envelopes() {
        return Collections.unmodifiableList(envelopes);
    }

    /** The state after {@code --max-wait}, from the envelopes in reverse order of adding (so dependencies arrive late). */
    State expired() {
        return state(true);
    }

    /** The state before any wait expires. */
    State waiting() {
        return state(false);
    }

    private State state(boolean expired) {
        List<String> reversed = new ArrayList<>(envelopes);
        Collections.reverse(reversed);
        return new State(new ReferenceModel(expired).state(reversed));
    }

    /** Read access to an exported state. */
    record State(ObjectNode json) {

        /** {@code status} or {@code status code}, e.g. {@code processed}, {@code rejected 101}. */
        String status(String hash) {
            JsonNode entry = json.get("statuses").get(hash);
            if (entry == null) {
                return "absent";
            }
            JsonNode code = entry.get("error_code");
            return entry.get("status").textValue() + (code.isNull() ? "" : " " + code.intValue());
        }

        JsonNode post(String original) {
            return json.get("posts").get(original);
        }

        JsonNode aggregate(String owner, String key) {
            JsonNode byOwner = json.get("aggregates").get(owner);
            return byOwner == null ? null : byOwner.get(key);
        }

        JsonNode file(String tag) {
            return json.get("files").get(tag);
        }

        JsonNode vm(String original) {
            return json.get("vms").get(original);
        }

        /** {@code forgotten_by} as a list of hashes, or null when the message is not forgotten. */
        List<String> forgottenBy(String hash) {
            JsonNode entry = json.get("forgotten").get(hash);
            if (entry == null) {
                return null;
            }
            List<String> by = new ArrayList<>();
            entry.get("forgotten_by").forEach(node -> by.add(node.textValue()));
            return by;
        }
    }
}
