package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.config.Identifiers;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read side for the command-line tool and tests: one method per question the tables answer.
 * Rows come back as column name → value maps in table order (text as String, int as Integer,
 * bigint as Long, double as Double, timestamp as Instant, date as LocalDate). Blocking calls:
 * for tools, never for Flink functions.
 */
public final class CassandraQueries {

    private final CqlSession session;
    private final String keyspace;
    private final Map<String, PreparedStatement> prepared = new ConcurrentHashMap<>();

    public CassandraQueries(CqlSession session, String keyspace) {
        this.session = session;
        this.keyspace = Identifiers.requireKeyspace(keyspace);
    }

    public Optional<Map<String, Object>> messageByHash(String itemHash) {
        return one("SELECT * FROM " + keyspace + ".messages WHERE item_hash = ?", itemHash);
    }

    /**
     * The status row, with its write timestamp (the StatusUpdate version) as {@code version} and
     * the finalised epoch of a final message as {@code epoch} (what {@code bin/aleph proof} starts from).
     */
    public Optional<Map<String, Object>> statusByHash(String itemHash) {
        return one("SELECT item_hash, status, error_code, reason, updated_at, epoch, WRITETIME(status) AS version FROM "
                + keyspace + ".message_status WHERE item_hash = ?", itemHash);
    }

    /** Every status the item_hash went through, oldest first. */
    public List<Map<String, Object>> statusHistory(String itemHash) {
        return all("SELECT version, status, error_code, reason, epoch, updated_at FROM " + keyspace
                + ".status_history WHERE item_hash = ?", itemHash);
    }

    /** A finalised epoch: end, root, leaves (JSON array) and signers (JSON array). */
    public Optional<Map<String, Object>> epoch(int partition, long start) {
        return one("SELECT partition, start, end, root, leaves, signers FROM " + keyspace
                + ".epochs WHERE partition = ? AND start = ?", partition, start);
    }

    /** The signed digests of a finalised epoch's root, one row per CCN. */
    public List<Map<String, Object>> epochSignatures(int partition, long start) {
        return all("SELECT ccn, root, previous, chain, signature FROM " + keyspace
                + ".epoch_signatures WHERE partition = ? AND start = ?", partition, start);
    }

    public Optional<Map<String, Object>> rejectionById(String rejectionId) {
        return one("SELECT * FROM " + keyspace + ".rejected_messages WHERE rejection_id = ?", rejectionId);
    }

    public List<Map<String, Object>> rejectionsByItemHash(String itemHash) {
        return all("SELECT * FROM " + keyspace + ".rejections_by_item_hash WHERE item_hash = ?", itemHash);
    }

    /** Rejections received on a UTC day, by error code then rejection_id, at most {@code limit}. */
    public List<Map<String, Object>> rejectionsOfDay(LocalDate day, int limit) {
        return all("SELECT * FROM " + keyspace + ".rejections_by_day WHERE day = ? LIMIT ?", day, limit);
    }

    /** Messages of a sender whose envelope time falls on a UTC day, newest first, at most {@code limit}. */
    public List<Map<String, Object>> messagesOfSenderOnDay(String sender, LocalDate day, int limit) {
        return all("SELECT * FROM " + keyspace + ".messages_by_sender WHERE sender = ? AND day = ? LIMIT ?",
                sender, day, limit);
    }

    private Optional<Map<String, Object>> one(String cql, Object... values) {
        Row row = execute(cql, values).one();
        return Optional.ofNullable(row).map(CassandraQueries::toMap);
    }

    private List<Map<String, Object>> all(String cql, Object... values) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row row : execute(cql, values)) {
            rows.add(toMap(row));
        }
        return rows;
    }

    private ResultSet execute(String cql, Object... values) {
        PreparedStatement statement = prepared.computeIfAbsent(cql, session::prepare);
        return session.execute(statement.bind(values));
    }

    private static Map<String, Object> toMap(Row row) {
        Map<String, Object> values = new LinkedHashMap<>();
        int index = 0;
        for (ColumnDefinition column : row.getColumnDefinitions()) {
            values.put(column.getName().asInternal(), row.getObject(index++));
        }
        return values;
    }
}
