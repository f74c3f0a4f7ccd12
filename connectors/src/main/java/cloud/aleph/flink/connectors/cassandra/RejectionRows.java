package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.config.Identifiers;
import cloud.aleph.flink.operators.model.Rejection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rows of a rejection: {@code rejected_messages} by rejection_id, {@code rejections_by_day} in the
 * UTC day of the Kafka timestamp, and {@code rejections_by_item_hash} when the input had a
 * readable item_hash. Nulls are left unset (rows are written once per rejection_id).
 */
public final class RejectionRows implements CassandraRowMapper<Rejection> {

    private static final long serialVersionUID = 1L;

    private final String insertRejection;
    private final String insertByDay;
    private final String insertByItemHash;

    public RejectionRows(String keyspace) {
        String ks = Identifiers.requireKeyspace(keyspace);
        this.insertRejection = "INSERT INTO " + ks + ".rejected_messages (rejection_id, item_hash, error_code, error_name,"
                + " reason, sender, chain, type, raw, raw_length, source_partition, source_offset, received_at, day)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.insertByDay = "INSERT INTO " + ks + ".rejections_by_day (day, error_code, rejection_id, item_hash, reason,"
                + " received_at) VALUES (?, ?, ?, ?, ?, ?)";
        this.insertByItemHash = "INSERT INTO " + ks + ".rejections_by_item_hash (item_hash, rejection_id, error_code,"
                + " reason, received_at) VALUES (?, ?, ?, ?, ?)";
    }

    @Override
    public CassandraWrite toWrite(Rejection r) {
        Objects.requireNonNull(r.rejectionId(), "rejection_id");
        Instant receivedAt = Instant.ofEpochMilli(r.receivedMillis());
        LocalDate day = UtcDays.ofEpochMillis(r.receivedMillis());
        int code = r.errorCode().code();
        List<CqlStatement> statements = new ArrayList<>(3);
        statements.add(CqlStatement.of(
                insertRejection,
                r.rejectionId(),
                r.itemHash(),
                code,
                r.errorCode().name(),
                r.reason(),
                r.sender(),
                r.chain(),
                r.type(),
                r.raw(),
                r.rawLength(),
                r.partition(),
                r.offset(),
                receivedAt,
                day));
        statements.add(CqlStatement.of(insertByDay, day, code, r.rejectionId(), r.itemHash(), r.reason(), receivedAt));
        if (r.itemHash() != null && !r.itemHash().isEmpty()) {
            statements.add(CqlStatement.of(insertByItemHash, r.itemHash(), r.rejectionId(), code, r.reason(), receivedAt));
        }
        return new CassandraWrite(r.rejectionId(), statements);
    }
}
