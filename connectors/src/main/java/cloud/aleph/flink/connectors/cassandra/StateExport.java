package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.config.Identifiers;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.AlephJsonException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads the whole agreed state back from Cassandra as the JSON of docs/state-semantics.md §8
 * (keys sorted). It scans the state tables: meant for replays, audits and tests on data sets that
 * fit in memory, not for a production keyspace.
 */
public final class StateExport {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int PAGE_SIZE = 1000;

    private final CqlSession session;
    private final String keyspace;

    public StateExport(CqlSession session, String keyspace) {
        this.session = session;
        this.keyspace = Identifiers.requireKeyspace(keyspace);
    }

    public ObjectNode export() {
        Map<String, Map<String, JsonNode>> aggregates = new TreeMap<>();
        scan("SELECT owner, key, content, revision FROM aggregates", row -> {
            ObjectNode aggregate = NODES.objectNode();
            aggregate.set("content", parse(row.getString("content")));
            aggregate.put("revision", row.getString("revision"));
            aggregates.computeIfAbsent(row.getString("owner"), o -> new TreeMap<>()).put(row.getString("key"), aggregate);
        });
        Map<String, JsonNode> posts = new TreeMap<>();
        scan("SELECT owner, original_hash, type, content, latest, amends FROM posts_by_owner", row -> {
            ObjectNode post = NODES.objectNode();
            post.set("amends", parse(row.getString("amends")));
            String content = row.getString("content");
            post.set("content", content == null ? NODES.nullNode() : parse(content));
            post.put("latest", row.getString("latest"));
            post.put("owner", row.getString("owner"));
            post.put("type", row.getString("type"));
            posts.put(row.getString("original_hash"), post);
        });
        Map<String, JsonNode> files = new TreeMap<>();
        scan("SELECT tag, owner, file_hash, store FROM file_tags", row -> {
            ObjectNode file = NODES.objectNode();
            file.put("file_hash", row.getString("file_hash"));
            file.put("owner", row.getString("owner"));
            file.put("store", row.getString("store"));
            files.put(row.getString("tag"), file);
        });
        Map<String, JsonNode> vms = new TreeMap<>();
        scan("SELECT owner, original_hash, type, current, updates FROM vms", row -> {
            ObjectNode vm = NODES.objectNode();
            vm.put("current", row.getString("current"));
            vm.put("owner", row.getString("owner"));
            vm.put("type", row.getString("type"));
            vm.set("updates", parse(row.getString("updates")));
            vms.put(row.getString("original_hash"), vm);
        });
        Map<String, JsonNode> forgotten = new TreeMap<>();
        scan("SELECT item_hash, forgotten_by FROM forgotten_messages", row -> {
            ObjectNode record = NODES.objectNode();
            record.set("forgotten_by", parse(row.getString("forgotten_by")));
            forgotten.put(row.getString("item_hash"), record);
        });
        Map<String, JsonNode> statuses = new TreeMap<>();
        scan("SELECT item_hash, status, error_code, epoch FROM message_status", row -> {
            ObjectNode status = NODES.objectNode();
            if (row.isNull("error_code")) {
                status.putNull("error_code");
            } else {
                status.put("error_code", row.getInt("error_code"));
            }
            // Finality is a level above processed: the agreed state of a final message is its processed state.
            if ("final".equals(row.getString("status"))) {
                status.put("final_epoch", row.getString("epoch"));
                status.put("status", "processed");
            } else {
                status.put("status", row.getString("status"));
            }
            statuses.put(row.getString("item_hash"), status);
        });

        ObjectNode state = NODES.objectNode();
        ObjectNode byOwner = state.putObject("aggregates");
        aggregates.forEach((owner, keys) -> {
            ObjectNode ownerNode = byOwner.putObject(owner);
            keys.forEach(ownerNode::set);
        });
        state.set("files", object(files));
        state.set("forgotten", object(forgotten));
        state.set("posts", object(posts));
        state.set("statuses", object(statuses));
        state.set("vms", object(vms));
        return state;
    }

    private void scan(String cql, Consumer<Row> action) {
        SimpleStatement statement = SimpleStatement.builder(cql.replace(" FROM ", " FROM " + keyspace + "."))
                .setPageSize(PAGE_SIZE)
                .build();
        for (Row row : session.execute(statement)) {
            action.accept(row);
        }
    }

    private static ObjectNode object(Map<String, JsonNode> sorted) {
        ObjectNode node = NODES.objectNode();
        sorted.forEach(node::set);
        return node;
    }

    private static JsonNode parse(String json) {
        try {
            return AlephJson.parse(json);
        } catch (AlephJsonException e) {
            throw new IllegalStateException("a state table holds text that is not JSON: " + json, e);
        }
    }
}
