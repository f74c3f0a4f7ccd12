package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.connectors.kafka.RawTopicPublisher;
import cloud.aleph.flink.infra.local.Stack;
import cloud.aleph.flink.jobs.JobEnvironment;
import cloud.aleph.flink.jobs.JobOptions;
import cloud.aleph.flink.jobs.LocalCluster;
import cloud.aleph.flink.jobs.ProductionWiring;
import cloud.aleph.flink.jobs.workload.EpochFiller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import cloud.aleph.flink.jobs.LocalFlinkCluster;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
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
    private LocalFlinkCluster network;
    private final Map<String, JobID> ccnJobs = new LinkedHashMap<>();

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

    /**
     * Starts a network of {@code ccns} CCNs, each a verification job with its own node key (the last
     * of several an Ed25519 one, see {@link CcnDemoKeys}), and the agreement job, on one local Flink
     * cluster; they run until {@link #close()}.
     */
    void startNetwork(int ccns, int parallelism) throws Exception {
        network = LocalFlinkCluster.start((ccns + 1) * parallelism, configuration, stack.dataDir().resolve("checkpoints"));
        Map<String, String> keys = CcnDemoKeys.network(ccns);
        for (Map.Entry<String, String> ccn : keys.entrySet()) {
            Configuration local = jobConfiguration(parallelism);
            local.set(JobOptions.CCN_ID, ccn.getKey());
            local.set(JobOptions.CCN_PRIVATE_KEY, ccn.getValue());
            StreamExecutionEnvironment env = JobEnvironment.create(local);
            ProductionWiring.defineCcnVerificationJob(env, local, null);
            ccnJobs.put(ccn.getKey(), network.submit(env, "aleph-" + ccn.getKey()));
        }
        Configuration agreement = jobConfiguration(parallelism);
        agreement.set(JobOptions.CONSENSUS_MEMBERS, CcnDemoKeys.members(keys));
        StreamExecutionEnvironment env = JobEnvironment.create(agreement);
        ProductionWiring.defineAgreementJob(env, agreement);
        network.submit(env, "aleph-agreement");
    }

    private Configuration jobConfiguration(int parallelism) {
        Configuration local = new Configuration(configuration);
        local.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        local.set(JobOptions.VERIFY_PARALLELISM, parallelism);
        return local;
    }

    /** The CCN ids of the running network, in order. */
    Set<String> ccns() {
        return ccnJobs.keySet();
    }

    /**
     * Completes the last epoch of every partition with filler messages (signed demo heartbeats), so
     * that the workload's last messages can become final: an epoch is final only once records after
     * it exist. Returns how many were published.
     */
    int completeEpochs(int epochSize) {
        return EpochFiller.completeEpochs(configuration, epochSize);
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
            if (network != null) {
                network.close();
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
