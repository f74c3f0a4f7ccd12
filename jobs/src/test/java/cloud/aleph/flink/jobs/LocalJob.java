package cloud.aleph.flink.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A job running on a MiniCluster in this JVM, set up as the command-line tool does
 * ({@link LocalCluster} and {@link JobEnvironment}), with its job-manager metrics readable.
 * Closing it cancels the job if it still runs.
 */
final class LocalJob implements AutoCloseable {

    static final int PARALLELISM = 2;

    private static final Duration METRIC_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(60);

    private final JobClient client;
    private final InMemoryReporter metrics;
    private boolean stopped;

    private LocalJob(JobClient client, InMemoryReporter metrics) {
        this.client = client;
        this.metrics = metrics;
    }

    /** Starts the production verification job ({@link ProductionWiring}). */
    static LocalJob startVerificationJob(Configuration conf, Path workDir) throws Exception {
        return start(conf, workDir, ProductionWiring::defineVerificationJob);
    }

    /**
     * @param definition defines the job on the environment, given the local job configuration
     */
    static LocalJob start(Configuration conf, Path workDir, BiConsumer<StreamExecutionEnvironment, Configuration> definition)
            throws Exception {
        return start(conf, workDir, PARALLELISM, definition);
    }

    /**
     * @param parallelism default parallelism of the job and task slots of the MiniCluster
     * @param definition defines the job on the environment, given the local job configuration
     */
    static LocalJob start(Configuration conf, Path workDir, int parallelism,
            BiConsumer<StreamExecutionEnvironment, Configuration> definition) throws Exception {
        InMemoryReporter metrics = InMemoryReporter.create();
        Configuration local = LocalCluster.configuration(conf, parallelism, workDir.resolve("checkpoints"));
        metrics.addToConfiguration(local);
        StreamExecutionEnvironment env = JobEnvironment.create(local);
        definition.accept(env, local);
        try {
            return new LocalJob(env.executeAsync("aleph-verification-" + conf.get(JobOptions.CCN_ID)), metrics);
        } catch (Exception e) {
            metrics.close();
            throw e;
        }
    }

    JobStatus status() throws Exception {
        return client.getJobStatus().get();
    }

    /** Restarts of the job so far (job-manager metric numRestarts). */
    long restarts() {
        return longGauge("numRestarts");
    }

    long completedCheckpoints() {
        return longGauge("numberOfCompletedCheckpoints");
    }

    /** When the job last restored a checkpoint (epoch millis), or -1 if it never did. */
    long lastCheckpointRestoreTimestamp() {
        return longGauge("lastCheckpointRestoreTimestamp");
    }

    /** Waits until at least {@code count} checkpoints have completed. */
    void awaitCompletedCheckpoints(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (completedCheckpoints() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + completedCheckpoints() + " checkpoints completed within " + timeout
                        + ", expected " + count);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Stops the job with a savepoint: every source stops where it is, and every sink flushes and
     * commits (the rejected topic's last transaction included), so what the job wrote is final.
     */
    void stopWithSavepoint(Path savepointDir) throws Exception {
        client.stopWithSavepoint(false, savepointDir.toUri().toString(), SavepointFormatType.CANONICAL).get();
        client.getJobExecutionResult().get(); // throws if the job failed instead of finishing
        stopped = true;
    }

    private long longGauge(String name) {
        long deadline = System.nanoTime() + METRIC_TIMEOUT.toNanos();
        while (true) {
            Optional<Metric> metric = metrics.findMetric(client.getJobID(), "\\." + name + "$");
            if (metric.isPresent()) {
                Object value = ((Gauge<?>) metric.get()).getValue();
                return ((Number) value).longValue();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job metric " + name + " was not registered within " + METRIC_TIMEOUT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for metric " + name, e);
            }
        }
    }

    @Override
    public void close() throws ExecutionException {
        try {
            if (!stopped && !client.getJobStatus().get().isGloballyTerminalState()) {
                client.cancel().get();
                // The cancel is only acknowledged: wait until every task (and its sink writers) has stopped,
                // so that nothing of this job is written after it is closed.
                try {
                    client.getJobExecutionResult().get(CANCEL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException cancelled) {
                    // The expected end of a cancelled job.
                } catch (TimeoutException e) {
                    throw new IllegalStateException("job not cancelled within " + CANCEL_TIMEOUT, e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            metrics.close();
        }
    }
}
