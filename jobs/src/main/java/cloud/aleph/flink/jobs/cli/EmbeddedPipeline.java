package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.connectors.kafka.RawTopicPublisher;
import cloud.aleph.flink.infra.local.Stack;
import cloud.aleph.flink.jobs.JobEnvironment;
import cloud.aleph.flink.jobs.JobOptions;
import cloud.aleph.flink.jobs.LocalCluster;
import cloud.aleph.flink.jobs.ProductionWiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The pipeline on a fresh embedded stack, as the demo and replays run it: stack started in an
 * emptied directory, topics, tables and bucket created, the job running on a local MiniCluster.
 * Closing it cancels the job and stops the stack.
 */
final class EmbeddedPipeline implements AutoCloseable {

    private final Stack stack;
    private final Configuration configuration;
    private JobClient job;

    private EmbeddedPipeline(Stack stack, Configuration configuration) {
        this.stack = stack;
        this.configuration = configuration;
    }

    /**
     * Starts the stack in {@code dir} (emptied first) and creates topics, tables and bucket.
     *
     * @param options job options (parallelism, partitions, max wait, ...) laid over the stack's endpoints
     */
    static EmbeddedPipeline startStack(Path dir, Configuration options, Terminal terminal) throws IOException {
        deleteRecursively(dir);
        Stack stack = Stack.start(dir);
        try {
            terminal.info("Kafka, Cassandra and S3Proxy ready in " + Terminal.seconds(stack.startupTime())
                    + " " + stack.componentStartupTimes().entrySet().stream()
                            .map(e -> e.getKey() + " " + Terminal.seconds(e.getValue())).toList());
            Configuration configuration = StackConnections.configurationOf(stack);
            configuration.addAll(options);
            return new EmbeddedPipeline(stack, configuration);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    void bootstrap(Terminal terminal) {
        BootstrapCommand.bootstrap(configuration, terminal);
    }

    /** Starts the job with the given parallelism; it runs until {@link #close()}. */
    void startJob(int parallelism, String name) throws Exception {
        Configuration local = LocalCluster.configuration(configuration, parallelism, stack.dataDir().resolve("checkpoints"));
        local.set(JobOptions.VERIFY_PARALLELISM, parallelism);
        StreamExecutionEnvironment env = JobEnvironment.create(local);
        ProductionWiring.defineVerificationJob(env, local);
        job = env.executeAsync(name);
    }

    /** Publishes the envelopes to the raw topic with a progress bar; returns how long it took. */
    Duration publish(List<String> envelopes, Terminal terminal) {
        terminal.info("to " + configuration.get(KafkaOptions.RAW_TOPIC));
        Terminal.Bar bar = terminal.bar("published", envelopes.size());
        try (RawTopicPublisher publisher = new RawTopicPublisher(configuration)) {
            int sent = 0;
            for (String envelope : envelopes) {
                publisher.publish(envelope);
                if (++sent % 500 == 0) {
                    bar.update(publisher.acknowledged());
                }
            }
            publisher.flush(bar::update);
            Duration took = bar.done(publisher.acknowledged());
            terminal.info("published " + envelopes.size() + " messages in " + Terminal.seconds(took));
            return took;
        }
    }

    Configuration configuration() {
        return configuration;
    }

    Path dataDir() {
        return stack.dataDir();
    }

    @Override
    public void close() throws Exception {
        try {
            if (job != null) {
                job.cancel().get();
            }
        } finally {
            stack.close();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
