package cloud.aleph.flink.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.junit.jupiter.api.Test;

class BatchSenderTest {

    /** Retryable: IOException and TimeoutException; anything else is fatal. */
    private static final FailureClassifier CLASSIFIER =
            error -> error instanceof IOException || error instanceof TimeoutException;

    private static BatchOutcome<String> send(List<String> entries, Function<String, CompletableFuture<?>> client) {
        return new BatchSender<String>(client::apply, CLASSIFIER, entry -> "entry " + entry).sendAll(entries).join();
    }

    @Test
    void allSucceeded() {
        BatchOutcome<String> outcome = send(List.of("a", "b"), entry -> CompletableFuture.completedFuture(entry));

        RecordingHandler handler = report(outcome);
        assertThat(outcome.succeeded()).isTrue();
        assertThat(handler.events).containsExactly("complete");
    }

    @Test
    void retryableFailuresAreSentAgainAndCounted() {
        BatchOutcome<String> outcome = send(List.of("a", "b", "c"), entry -> entry.equals("a")
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(entry.equals("b") ? new IOException("reset") : new TimeoutException()));

        RecordingHandler handler = report(outcome);
        assertThat(outcome.failedEntries()).isEqualTo(2);
        assertThat(handler.events).containsExactly("retry [b, c]");
    }

    @Test
    void fatalFailureFailsTheRequestAndNamesTheEntry() {
        BatchOutcome<String> outcome = send(List.of("a", "b"), entry -> entry.equals("a")
                ? CompletableFuture.failedFuture(new IOException("transient"))
                : CompletableFuture.failedFuture(new CompletionException(new IllegalArgumentException("bad statement"))));

        RecordingHandler handler = report(outcome);
        assertThat(outcome.failedEntries()).isEqualTo(2);
        assertThat(outcome.fatal()).hasMessageContaining("entry b").hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(handler.events).containsExactly("fatal");
    }

    @Test
    void aClientThatThrowsInsteadOfFailingTheFutureIsHandled() {
        BatchOutcome<String> outcome = send(List.of("a"), entry -> {
            throw new IllegalStateException("client closed");
        });

        assertThat(outcome.fatal()).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void waitsForTheSlowestEntry() {
        CompletableFuture<Object> slow = new CompletableFuture<>();
        CompletableFuture<BatchOutcome<String>> pending = new BatchSender<String>(
                        entry -> entry.equals("slow") ? slow : CompletableFuture.completedFuture(null), CLASSIFIER, e -> e)
                .sendAll(List.of("fast", "slow"));

        assertThat(pending).isNotDone();
        slow.complete("done");
        assertThat(pending.join().succeeded()).isTrue();
    }

    private static RecordingHandler report(BatchOutcome<String> outcome) {
        RecordingHandler handler = new RecordingHandler();
        outcome.reportTo(handler);
        return handler;
    }

    private static final class RecordingHandler implements ResultHandler<String> {
        final List<String> events = new ArrayList<>();

        @Override
        public void complete() {
            events.add("complete");
        }

        @Override
        public void completeExceptionally(Exception e) {
            events.add("fatal");
        }

        @Override
        public void retryForEntries(List<String> entries) {
            events.add("retry " + entries);
        }
    }
}
