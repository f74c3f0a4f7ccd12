package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.MessageStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * The exported state of §8, collected entry by entry and returned with every object's keys sorted
 * (content values included: key order carries no meaning in JSON, and sorting makes the text of
 * two equal states identical).
 */
final class StateExport {

    private static final JsonNodeFactory NODES = AlephJson.nodes();

    private final ObjectNode aggregates = NODES.objectNode();
    private final ObjectNode posts = NODES.objectNode();
    private final ObjectNode files = NODES.objectNode();
    private final ObjectNode vms = NODES.objectNode();
    private final ObjectNode forgotten = NODES.objectNode();
    private final ObjectNode statuses = NODES.objectNode();

    void status(String hash, MessageStatus status, ErrorCode code) {
        ObjectNode entry = statuses.putObject(hash);
        entry.put("status", status.wire());
        if (code == null) {
            entry.putNull("error_code");
        } else {
            entry.put("error_code", code.code());
        }
    }

    void forgotten(String hash, Collection<String> forgottenBy) {
        forgotten.putObject(hash).set("forgotten_by", texts(forgottenBy));
    }

    void aggregate(String owner, String key, ObjectNode content, String revision) {
        ObjectNode byKey = aggregates.has(owner) ? (ObjectNode) aggregates.get(owner) : aggregates.putObject(owner);
        ObjectNode entry = byKey.putObject(key);
        entry.set("content", content);
        entry.put("revision", revision);
    }

    void post(String original, String owner, String type, JsonNode content, String latest, List<String> amends) {
        ObjectNode entry = posts.putObject(original);
        entry.put("owner", owner);
        entry.put("type", type);
        entry.set("content", content == null ? NODES.nullNode() : content.deepCopy());
        entry.put("latest", latest);
        entry.set("amends", texts(amends));
    }

    void file(String tag, String owner, String fileHash, String store) {
        ObjectNode entry = files.putObject(tag);
        entry.put("owner", owner);
        entry.put("file_hash", fileHash);
        entry.put("store", store);
    }

    void vm(String original, String owner, String type, String current, List<String> updates) {
        ObjectNode entry = vms.putObject(original);
        entry.put("owner", owner);
        entry.put("type", type);
        entry.put("current", current);
        entry.set("updates", texts(updates));
    }

    ObjectNode toJson() {
        ObjectNode state = NODES.objectNode();
        state.set("aggregates", aggregates);
        state.set("posts", posts);
        state.set("files", files);
        state.set("vms", vms);
        state.set("forgotten", forgotten);
        state.set("statuses", statuses);
        return (ObjectNode) sorted(state);
    }

    /** Compact JSON text of a state (keys as they are in the tree: sorted for trees from {@link #toJson}). */
    static String text(JsonNode state) {
        try {
            return AlephJson.mapper().writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A deep copy with the keys of every object in ascending order. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            ObjectNode copy = NODES.objectNode();
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node.deepCopy();
    }

    private static ArrayNode texts(Collection<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
