package cloud.aleph.flink.connectors.sink;

/**
 * Metric names of the project's sink writers, registered on the writer's metric group next to
 * Flink's built-in {@code numRecordsSendErrors} (which counts every failed attempt).
 */
public final class SinkMetrics {

    /** Records sent again after a retryable failure (timeouts, unavailable replicas, overload). */
    public static final String RECORDS_RETRIED = "numRecordsRetried";

    private SinkMetrics() {}
}
