package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.config.Identifiers;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Reads the outcome of many messages at once (their status, or their rejection record), with a
 * bounded number of concurrent queries. For tools that wait for a workload to be processed (the
 * demo, replays, tests), never for Flink functions.
 */
public final class OutcomeReader {

    /** The status row of an item_hash. */
    public record Status(String status, Integer errorCode, Instant updatedAt) {

        public Status(String status, Integer errorCode) {
            this(status, errorCode, null);
        }
    }

    private static final int MAX_CONCURRENT_QUERIES = 64;

    private final CqlSession session;
    private final PreparedStatement statusByHash;
    private final PreparedStatement rejectionById;
    private final PreparedStatement receivedByHash;

    public OutcomeReader(CqlSession session, String keyspace) {
        String ks = Identifiers.requireKeyspace(keyspace);
        this.session = session;
        this.statusByHash = session.prepare("SELECT status, error_code, updated_at FROM " + ks + ".message_status WHERE item_hash = ?");
        this.receivedByHash = session.prepare("SELECT received_at FROM " + ks + ".messages WHERE item_hash = ?");
        this.rejectionById = session.prepare("SELECT error_code FROM " + ks + ".rejected_messages WHERE rejection_id = ?");
    }

    /** Status of each item_hash that has one; hashes without a status row are absent from the map. */
    public Map<String, Status> statuses(Collection<String> itemHashes) {
        return readAll(itemHashes, statusByHash, row -> new Status(row.getString("status"), nullableInt(row, "error_code"),
                row.getInstant("updated_at")));
    }

    /** When the raw record of each stored message was published (its Kafka timestamp). */
    public Map<String, Instant> receivedAt(Collection<String> itemHashes) {
        return readAll(itemHashes, receivedByHash, row -> row.getInstant("received_at"));
    }

    /** Error code of each rejection record that exists. */
    public Map<String, Integer> rejectionCodes(Collection<String> rejectionIds) {
        return readAll(rejectionIds, rejectionById, row -> row.getInt("error_code"));
    }

    private <T> Map<String, T> readAll(Collection<String> keys, PreparedStatement statement, Function<Row, T> read) {
        Map<String, T> found = new ConcurrentHashMap<>();
        Semaphore permits = new Semaphore(MAX_CONCURRENT_QUERIES);
        CompletableFuture<?>[] queries = new CompletableFuture<?>[keys.size()];
        int i = 0;
        for (String key : keys) {
            permits.acquireUninterruptibly();
            queries[i++] = session.executeAsync(statement.bind(key))
                    .thenAccept((AsyncResultSet result) -> {
                        Row row = result.one();
                        if (row != null) {
                            found.put(key, read.apply(row));
                        }
                    })
                    .whenComplete((ignored, error) -> permits.release())
                    .toCompletableFuture();
        }
        CompletableFuture.allOf(queries).join();
        return found;
    }

    private static Integer nullableInt(Row row, String column) {
        return row.isNull(column) ? null : row.getInt(column);
    }
}
