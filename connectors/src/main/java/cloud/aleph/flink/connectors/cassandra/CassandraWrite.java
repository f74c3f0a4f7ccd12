package cloud.aleph.flink.connectors.cassandra;

import java.io.Serializable;
import java.util.List;

/**
 * Everything one stream element writes to Cassandra: one statement per table it touches (a
 * message goes to {@code messages} and {@code messages_by_sender}). The statements are
 * independent, idempotent upserts; the element is done when all of them succeeded, and is sent
 * again whole on a retryable failure.
 *
 * @param key what the write is about (an item_hash, a rejection_id), for error messages and logs
 * @param statements at least one statement
 */
public record CassandraWrite(String key, List<CqlStatement> statements) implements Serializable {

    private static final long serialVersionUID = 1L;

    public CassandraWrite {
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a Cassandra write needs at least one statement");
        }
    }

    /** Approximate bytes sent: statement text plus bound values (the unit of AsyncSinkWriter's size limits). */
    public long sizeInBytes() {
        long size = 0;
        for (CqlStatement statement : statements) {
            size += statement.cql().length() + 8;
            for (Object value : statement.values()) {
                size += value instanceof String text ? 4L + text.length() * 3L : 8;
            }
        }
        return size;
    }
}
