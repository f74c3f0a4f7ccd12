package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.config.Identifiers;
import cloud.aleph.flink.operators.model.StateRowChange;
import cloud.aleph.flink.operators.state.StateRows;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of the agreed state of an owner: aggregates, merged posts (by owner and by type and day),
 * file tags (by tag and by owner), VMs and waiting messages. Written at the change's version, which
 * grows per owner, the single writer of these rows; a deleted row is deleted at that version.
 */
public final class StateRowsMapper implements CassandraRowMapper<StateRowChange> {

    private static final long serialVersionUID = 1L;

    private final String upsertAggregate;
    private final String deleteAggregate;
    private final String upsertPostByOwner;
    private final String deletePostByOwner;
    private final String upsertPostByType;
    private final String deletePostByType;
    private final String upsertTag;
    private final String deleteTag;
    private final String upsertFileByOwner;
    private final String deleteFileByOwner;
    private final String upsertVm;
    private final String deleteVm;
    private final String upsertPending;
    private final String deletePending;

    public StateRowsMapper(String keyspace) {
        String ks = Identifiers.requireKeyspace(keyspace);
        upsertAggregate = "INSERT INTO " + ks + ".aggregates (owner, key, content, revision, created, updated) VALUES (?, ?, ?, ?, ?, ?)";
        deleteAggregate = "DELETE FROM " + ks + ".aggregates WHERE owner = ? AND key = ?";
        upsertPostByOwner = "INSERT INTO " + ks + ".posts_by_owner (owner, original_hash, type, channel, content, latest, amends,"
                + " created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        deletePostByOwner = "DELETE FROM " + ks + ".posts_by_owner WHERE owner = ? AND original_hash = ?";
        upsertPostByType = "INSERT INTO " + ks + ".posts_by_type (type, day, created, original_hash, owner, channel, content,"
                + " latest, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        deletePostByType = "DELETE FROM " + ks + ".posts_by_type WHERE type = ? AND day = ? AND created = ? AND original_hash = ?";
        upsertTag = "INSERT INTO " + ks + ".file_tags (tag, owner, file_hash, store, updated) VALUES (?, ?, ?, ?, ?)";
        deleteTag = "DELETE FROM " + ks + ".file_tags WHERE tag = ?";
        upsertFileByOwner = "INSERT INTO " + ks + ".files_by_owner (owner, tag, file_hash, store, updated) VALUES (?, ?, ?, ?, ?)";
        deleteFileByOwner = "DELETE FROM " + ks + ".files_by_owner WHERE owner = ? AND tag = ?";
        upsertVm = "INSERT INTO " + ks + ".vms (owner, original_hash, type, current, updates) VALUES (?, ?, ?, ?, ?)";
        deleteVm = "DELETE FROM " + ks + ".vms WHERE owner = ? AND original_hash = ?";
        upsertPending = "INSERT INTO " + ks + ".pending_messages (owner, item_hash, error_code, reason, since) VALUES (?, ?, ?, ?, ?)";
        deletePending = "DELETE FROM " + ks + ".pending_messages WHERE owner = ? AND item_hash = ?";
    }

    @Override
    public CassandraWrite toWrite(StateRowChange change) {
        String owner = change.owner();
        String key = change.key();
        JsonNode row = change.deleted() ? null : StateRows.parse(change.payload());
        List<CqlStatement> statements = new ArrayList<>(2);
        long v = change.version();
        switch (change.kind()) {
            case AGGREGATE -> statements.add(row == null ? at(v, deleteAggregate, owner, key)
                    : at(v, upsertAggregate, owner, key, row.get("content").toString(), text(row, "revision"),
                            row.get("created").asDouble(), row.get("updated").asDouble()));
            case POST -> {
                if (row == null) {
                    statements.add(at(v, deletePostByOwner, owner, key));
                    statements.add(at(v, deletePostByType, postByTypeKey(StateRows.parse(change.previous()), key)));
                } else {
                    String content = row.get("content").isNull() ? null : row.get("content").toString();
                    statements.add(at(v, upsertPostByOwner, owner, key, text(row, "type"), text(row, "channel"), content,
                            text(row, "latest"), row.get("amends").toString(), row.get("created").asDouble(),
                            row.get("updated").asDouble()));
                    List<Object> byType = new ArrayList<>(Arrays.asList(postByTypeKey(row, key)));
                    byType.addAll(Arrays.asList(owner, text(row, "channel"), content, text(row, "latest"),
                            row.get("updated").asDouble()));
                    statements.add(at(v, upsertPostByType, byType.toArray()));
                }
            }
            case TAG -> {
                if (row == null) {
                    statements.add(at(v, deleteTag, key));
                    statements.add(at(v, deleteFileByOwner, owner, key));
                } else {
                    statements.add(at(v, upsertTag, key, owner, text(row, "file_hash"), text(row, "store"),
                            row.get("updated").asDouble()));
                    statements.add(at(v, upsertFileByOwner, owner, key, text(row, "file_hash"), text(row, "store"),
                            row.get("updated").asDouble()));
                }
            }
            case VM -> statements.add(row == null ? at(v, deleteVm, owner, key)
                    : at(v, upsertVm, owner, key, text(row, "type"), text(row, "current"), row.get("updates").toString()));
            case PENDING -> statements.add(row == null ? at(v, deletePending, owner, key)
                    : at(v, upsertPending, owner, key, row.get("error_code").asInt(), text(row, "reason"),
                            Instant.ofEpochMilli(row.get("since").asLong())));
        }
        return new CassandraWrite(change.kind() + " " + owner + " " + key, statements);
    }

    /** The key of a post in posts_by_type: its type, the UTC day and time of its creation, its hash. */
    private static Object[] postByTypeKey(JsonNode post, String original) {
        double created = post.get("created").asDouble();
        return new Object[] {text(post, "type"), UtcDays.ofEpochSeconds(created), created, original};
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static CqlStatement at(long version, String cql, Object... values) {
        return new CqlStatement(cql, Arrays.asList(values), version, CqlStatement.Nulls.WRITE_NULL);
    }
}
