package cloud.aleph.flink.connectors.cassandra;

import java.time.LocalDate;

/** UTC calendar days for day-bucketed partitions, clamped to what a CQL {@code date} can hold. */
public final class UtcDays {

    private static final long SECONDS_PER_DAY = 86_400L;
    // CQL date is an unsigned 32-bit day number centred on the epoch.
    private static final long MIN_EPOCH_DAY = -(1L << 31);
    private static final long MAX_EPOCH_DAY = (1L << 31) - 1;

    private UtcDays() {}

    /**
     * The UTC day of a Unix time in seconds. Envelope times are sender-chosen and unsigned, so
     * absurd values are clamped instead of failing the writer; NaN maps to 1970-01-01.
     */
    public static LocalDate ofEpochSeconds(double seconds) {
        if (Double.isNaN(seconds)) {
            return LocalDate.ofEpochDay(0);
        }
        double days = Math.floor(seconds / SECONDS_PER_DAY);
        long clamped = (long) Math.max(MIN_EPOCH_DAY, Math.min(MAX_EPOCH_DAY, days));
        return LocalDate.ofEpochDay(clamped);
    }

    /** The UTC day of a Unix time in milliseconds (a Kafka timestamp). */
    public static LocalDate ofEpochMillis(long millis) {
        return LocalDate.ofEpochDay(Math.floorDiv(millis, SECONDS_PER_DAY * 1000));
    }
}
