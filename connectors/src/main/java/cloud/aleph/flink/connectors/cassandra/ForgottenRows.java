package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.config.Identifiers;
import cloud.aleph.flink.operators.model.ForgottenRecord;
import java.util.Arrays;
import java.util.List;

/** The {@code forgotten_messages} row of a forgotten message, written (or deleted) at its version. */
public final class ForgottenRows implements CassandraRowMapper<ForgottenRecord> {

    private static final long serialVersionUID = 1L;

    private final String upsert;
    private final String delete;

    public ForgottenRows(String keyspace) {
        String ks = Identifiers.requireKeyspace(keyspace);
        upsert = "INSERT INTO " + ks + ".forgotten_messages (item_hash, forgotten_by, owner, type, sender, chain, channel, time)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        delete = "DELETE FROM " + ks + ".forgotten_messages WHERE item_hash = ?";
    }

    @Override
    public CassandraWrite toWrite(ForgottenRecord record) {
        CqlStatement statement = record.remove()
                ? new CqlStatement(delete, List.of(record.itemHash()), record.version(), CqlStatement.Nulls.WRITE_NULL)
                : new CqlStatement(upsert, Arrays.asList(record.itemHash(), jsonArray(record.forgottenBy()), record.owner(),
                        record.type(), record.sender(), record.chain(), record.channel(), record.time()),
                        record.version(), CqlStatement.Nulls.WRITE_NULL);
        return new CassandraWrite(record.itemHash(), List.of(statement));
    }

    /** The comma-separated hashes as a JSON array, the form every list column of the schema has. */
    static String jsonArray(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isEmpty()) {
            return "[]";
        }
        StringBuilder json = new StringBuilder("[");
        for (String hash : commaSeparated.split(",")) {
            json.append(json.length() > 1 ? "," : "").append('"').append(hash).append('"');
        }
        return json.append(']').toString();
    }
}
