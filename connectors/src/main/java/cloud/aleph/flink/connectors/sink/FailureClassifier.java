package cloud.aleph.flink.connectors.sink;

import java.io.Serializable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Tells a transient failure (send the same idempotent write again) from a fatal one (fail the
 * job loudly: retrying cannot help and would hide a bug or a misconfiguration).
 */
@FunctionalInterface
public interface FailureClassifier extends Serializable {

    boolean isRetryable(Throwable error);

    /** The failure under the wrappers that futures add. */
    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
