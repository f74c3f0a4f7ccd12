package cloud.aleph.flink.connectors.sink;

import java.util.List;
import org.apache.flink.connector.base.sink.writer.ResultHandler;

/**
 * What happened to one batch of a sink writer: entries to send again, how many entries failed,
 * and the fatal failure if any. A fatal failure wins: the job fails and restarts from the last
 * checkpoint, which replays every entry of the batch (writes are idempotent).
 *
 * @param toRetry entries that failed with a retryable error
 * @param failedEntries entries that failed, retryable or not (for numRecordsSendErrors)
 * @param fatal the first fatal failure, or null
 */
public record BatchOutcome<E>(List<E> toRetry, int failedEntries, SinkWriteException fatal) {

    public BatchOutcome {
        toRetry = List.copyOf(toRetry);
    }

    public boolean succeeded() {
        return failedEntries == 0;
    }

    /** Completes the writer's request exactly once, as AsyncSinkWriter requires. */
    public void reportTo(ResultHandler<E> handler) {
        if (fatal != null) {
            handler.completeExceptionally(fatal);
        } else if (!toRetry.isEmpty()) {
            handler.retryForEntries(toRetry);
        } else {
            handler.complete();
        }
    }
}
