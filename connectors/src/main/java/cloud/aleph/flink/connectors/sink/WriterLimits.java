package cloud.aleph.flink.connectors.sink;

import java.io.Serializable;

/**
 * Buffering and concurrency limits of an AsyncSinkWriter-based sink. At most
 * {@code maxInFlightRequests} batches of at most {@code maxBatchSize} entries are being written
 * at once; when {@code maxBufferedRequests} entries wait, the writer blocks (back-pressure).
 *
 * @param maxBatchSize entries per batch
 * @param maxInFlightRequests batches in flight
 * @param maxBufferedRequests entries buffered before back-pressure (strictly more than maxBatchSize)
 * @param maxBatchSizeInBytes bytes per batch (at least maxRecordSizeInBytes)
 * @param maxTimeInBufferMs longest wait of an entry in the buffer
 * @param maxRecordSizeInBytes largest single entry
 * @param requestTimeoutMs time after which a batch is sent again
 */
public record WriterLimits(
        int maxBatchSize,
        int maxInFlightRequests,
        int maxBufferedRequests,
        long maxBatchSizeInBytes,
        long maxTimeInBufferMs,
        long maxRecordSizeInBytes,
        long requestTimeoutMs)
        implements Serializable {

    public WriterLimits {
        if (maxBatchSize < 1 || maxInFlightRequests < 1 || maxTimeInBufferMs < 1 || requestTimeoutMs < 1) {
            throw new IllegalArgumentException("sink limits must be positive: " + this);
        }
        if (maxBufferedRequests <= maxBatchSize) {
            throw new IllegalArgumentException("max-buffered-requests (" + maxBufferedRequests
                    + ") must be greater than max-batch-size (" + maxBatchSize + ")");
        }
        if (maxBatchSizeInBytes < maxRecordSizeInBytes) {
            throw new IllegalArgumentException("batch bytes must be at least the largest record: " + this);
        }
    }
}
