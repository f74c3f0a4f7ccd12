package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.config.Identifiers;
import cloud.aleph.flink.operators.model.StatusUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The {@code message_status} row of a status change and its {@code status_history} row, written
 * with the update's version as their write timestamp. Cassandra keeps the cell with the highest timestamp, so version 2 stays when
 * version 1 arrives after it (a retry, a replay, another subtask). Nulls are written, so a newer
 * version clears the error code and reason an older one set.
 */
public final class StatusRows implements CassandraRowMapper<StatusUpdate> {

    private static final long serialVersionUID = 1L;

    private final String insertStatus;
    private final String insertHistory;

    public StatusRows(String keyspace) {
        String ks = Identifiers.requireKeyspace(keyspace);
        this.insertStatus = "INSERT INTO " + ks + ".message_status (item_hash, status, error_code, reason, updated_at, epoch)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        this.insertHistory = "INSERT INTO " + ks + ".status_history (item_hash, version, status, error_code, reason,"
                + " updated_at, epoch) VALUES (?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    public CassandraWrite toWrite(StatusUpdate update) {
        Objects.requireNonNull(update.itemHash(), "item_hash");
        if (update.version() < 1) {
            throw new IllegalArgumentException("status versions start at 1, got " + update.version() + " for " + update.itemHash());
        }
        List<Object> fields = Arrays.asList(update.status().wire(), update.errorCode(), update.reason(),
                Instant.ofEpochMilli(update.updatedMillis()), update.epoch());
        List<Object> statusValues = new ArrayList<>(List.of(update.itemHash()));
        statusValues.addAll(fields);
        List<Object> historyValues = new ArrayList<>(List.of(update.itemHash(), update.version()));
        historyValues.addAll(fields);
        CqlStatement status = new CqlStatement(insertStatus, statusValues, update.version(), CqlStatement.Nulls.WRITE_NULL);
        CqlStatement history = new CqlStatement(insertHistory, historyValues, update.version(), CqlStatement.Nulls.WRITE_NULL);
        return new CassandraWrite(update.itemHash(), List.of(status, history));
    }
}
