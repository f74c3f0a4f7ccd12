package cloud.aleph.flink.connectors.cassandra;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One CQL write: the statement text with {@code ?} markers, the values to bind in order, and an
 * optional write timestamp. Values are limited to the types the state serializer knows
 * ({@link #isSupportedValue}), so a buffered write can always be checkpointed.
 *
 * @param cql statement text (prepared once per distinct text and cached by the writer)
 * @param values bound values in marker order; null means "no value" as {@code nulls} says
 * @param writeTimestampMicros write timestamp in microseconds, or {@link #NO_TIMESTAMP} to let the
 *     driver pick the current time
 * @param nulls what a null value does
 */
public record CqlStatement(String cql, List<Object> values, long writeTimestampMicros, Nulls nulls)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** No explicit write timestamp (the driver's default, Long.MIN_VALUE, means the same). */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /** What binding a null value does. */
    public enum Nulls {
        /**
         * Leave the column unset: no tombstone, and a replay cannot erase a value. Right for rows
         * that are written once with the same values.
         */
        LEAVE_UNSET,
        /**
         * Write null (a cell tombstone). Needed where a newer version of a row must clear a column
         * an older version set.
         */
        WRITE_NULL
    }

    public CqlStatement {
        Objects.requireNonNull(cql, "cql");
        Objects.requireNonNull(nulls, "nulls");
        List<Object> copy = new ArrayList<>(values);
        for (Object value : copy) {
            if (!isSupportedValue(value)) {
                throw new IllegalArgumentException("unsupported CQL value type " + value.getClass().getName());
            }
        }
        values = Collections.unmodifiableList(copy);
    }

    public static CqlStatement of(String cql, Object... values) {
        return new CqlStatement(cql, java.util.Arrays.asList(values), NO_TIMESTAMP, Nulls.LEAVE_UNSET);
    }

    public boolean hasWriteTimestamp() {
        return writeTimestampMicros != NO_TIMESTAMP;
    }

    /** Null, or one of String, Integer, Long, Double, Boolean, Instant (timestamp), LocalDate (date). */
    public static boolean isSupportedValue(Object value) {
        return value == null
                || value instanceof String
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Double
                || value instanceof Boolean
                || value instanceof Instant
                || value instanceof LocalDate;
    }
}
