package cloud.aleph.flink.connectors.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Sends every entry of a batch at once through an asynchronous client and sorts the results into
 * a {@link BatchOutcome}. The caller bounds concurrency: AsyncSinkWriter limits the batches in
 * flight and the entries per batch.
 */
public final class BatchSender<E> {

    private final Function<E, CompletionStage<?>> send;
    private final FailureClassifier classifier;
    private final Function<E, String> describe;

    /**
     * @param send starts the write of one entry; it may also throw instead of failing the stage
     * @param classifier decides which failures are retried
     * @param describe names an entry in error messages (a key or a hash, never the payload)
     */
    public BatchSender(
            Function<E, CompletionStage<?>> send, FailureClassifier classifier, Function<E, String> describe) {
        this.send = send;
        this.classifier = classifier;
        this.describe = describe;
    }

    public CompletableFuture<BatchOutcome<E>> sendAll(List<E> entries) {
        List<CompletableFuture<Throwable>> results = new ArrayList<>(entries.size());
        for (E entry : entries) {
            results.add(start(entry));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> collect(entries, results));
    }

    /** A future that always completes normally, with the entry's failure or null on success. */
    private CompletableFuture<Throwable> start(E entry) {
        CompletionStage<?> stage;
        try {
            stage = send.apply(entry);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(e);
        }
        return stage.toCompletableFuture().handle((ignored, error) -> error == null ? null : FailureClassifier.unwrap(error));
    }

    private BatchOutcome<E> collect(List<E> entries, List<CompletableFuture<Throwable>> results) {
        List<E> toRetry = new ArrayList<>();
        int failed = 0;
        SinkWriteException fatal = null;
        for (int i = 0; i < entries.size(); i++) {
            Throwable error = results.get(i).join();
            if (error == null) {
                continue;
            }
            failed++;
            if (classifier.isRetryable(error)) {
                toRetry.add(entries.get(i));
            } else if (fatal == null) {
                fatal = new SinkWriteException("write of " + describe.apply(entries.get(i)) + " failed and cannot be retried: " + error, error);
            }
        }
        return new BatchOutcome<>(toRetry, failed, fatal);
    }
}
