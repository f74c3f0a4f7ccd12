package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.model.StateRowChange;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows an owner's view puts in Cassandra, as JSON payloads by row id. Comparing the payloads
 * of two views tells which rows to write and which to delete.
 */
public final class StateRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StateRows() {}

    /** A waiting message as the pending table shows it. */
    public record Waiting(int errorCode, String reason, long sinceMillis) {}

    /** Row id → payload of every row of the view, plus the rows of the messages that wait. */
    public static Map<String, String> of(OwnerView view, Map<String, Waiting> waiting) {
        Map<String, String> rows = new TreeMap<>();
        view.aggregates().forEach((key, aggregate) -> {
            ObjectNode row = NODES.objectNode();
            row.set("content", aggregate.content());
            row.put("revision", aggregate.revision());
            row.put("created", aggregate.created());
            row.put("updated", aggregate.updated());
            rows.put(id(StateRowChange.Kind.AGGREGATE, key), write(row));
        });
        view.posts().forEach((original, post) -> {
            ObjectNode row = NODES.objectNode();
            row.put("type", post.type());
            row.put("channel", post.channel());
            row.set("content", post.content() == null ? NODES.nullNode() : post.content());
            row.put("latest", post.latest());
            row.set("amends", array(post.amends()));
            row.put("created", post.created());
            row.put("updated", post.updated());
            rows.put(id(StateRowChange.Kind.POST, original), write(row));
        });
        view.tags().forEach((tag, file) -> {
            ObjectNode row = NODES.objectNode();
            row.put("file_hash", file.fileHash());
            row.put("store", file.store());
            row.put("updated", file.updated());
            rows.put(id(StateRowChange.Kind.TAG, tag), write(row));
        });
        view.vms().forEach((original, vm) -> {
            ObjectNode row = NODES.objectNode();
            row.put("type", vm.type());
            row.put("current", vm.current());
            row.set("updates", array(vm.updates()));
            rows.put(id(StateRowChange.Kind.VM, original), write(row));
        });
        waiting.forEach((hash, wait) -> {
            ObjectNode row = NODES.objectNode();
            row.put("error_code", wait.errorCode());
            row.put("reason", wait.reason());
            row.put("since", wait.sinceMillis());
            rows.put(id(StateRowChange.Kind.PENDING, hash), write(row));
        });
        return rows;
    }

    /** Row id: the kind and the key within the owner. */
    public static String id(StateRowChange.Kind kind, String key) {
        return kind.name() + ":" + key;
    }

    public static StateRowChange.Kind kindOf(String id) {
        return StateRowChange.Kind.valueOf(id.substring(0, id.indexOf(':')));
    }

    public static String keyOf(String id) {
        return id.substring(id.indexOf(':') + 1);
    }

    public static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a state row payload: " + payload, e);
        }
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String write(ObjectNode row) {
        try {
            return JSON.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a state row", e);
        }
    }
}
