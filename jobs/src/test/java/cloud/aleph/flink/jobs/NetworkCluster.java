package cloud.aleph.flink.jobs;

import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A network of CCNs on one {@link LocalFlinkCluster}: the production CCN verification jobs and the
 * production agreement job, each started on its own (so a CCN can be down, or come later), with
 * their metrics readable. Closing it cancels every job.
 */
final class NetworkCluster implements AutoCloseable {

    static final String AGREEMENT = "agreement";

    private final Configuration conf;
    private final NetworkKeys keys;
    private final InMemoryReporter metrics;
    private final LocalFlinkCluster cluster;
    private final Map<String, JobID> jobs = new LinkedHashMap<>();

    private NetworkCluster(Configuration conf, NetworkKeys keys, InMemoryReporter metrics, LocalFlinkCluster cluster) {
        this.conf = conf;
        this.keys = keys;
        this.metrics = metrics;
        this.cluster = cluster;
    }

    /** A cluster with a slot for every CCN and the agreement (each job runs at parallelism 1). */
    static NetworkCluster start(Configuration conf, NetworkKeys keys, Path workDir) throws Exception {
        InMemoryReporter metrics = InMemoryReporter.create();
        Configuration clusterConfiguration = new Configuration(conf);
        metrics.addToConfiguration(clusterConfiguration);
        try {
            LocalFlinkCluster cluster = LocalFlinkCluster.start(keys.ids().size() + 1, clusterConfiguration,
                    workDir.resolve("checkpoints"));
            return new NetworkCluster(conf, keys, metrics, cluster);
        } catch (Exception e) {
            metrics.close();
            throw e;
        }
    }

    /** Starts an honest CCN. */
    void startCcn(String ccn) throws Exception {
        startCcn(ccn, null);
    }

    /**
     * Starts the production job of a CCN with its own id and node key.
     *
     * @param verdictTransform what the CCN does to its verdicts before signing them (a fault), or null
     */
    void startCcn(String ccn, MapFunction<Verdict, Verdict> verdictTransform) throws Exception {
        Configuration local = jobConfiguration();
        local.set(JobOptions.CCN_ID, ccn);
        local.set(JobOptions.CCN_PRIVATE_KEY, keys.privateKey(ccn));
        StreamExecutionEnvironment env = JobEnvironment.create(local);
        ProductionWiring.defineCcnVerificationJob(env, local, verdictTransform);
        submit(ccn, env);
    }

    /** Starts the production agreement job, counting the network's CCNs as members. */
    void startAgreement() throws Exception {
        startAgreement(UnaryOperator.identity());
    }

    /** @param rawSourceDecorator wraps the agreement's raw-topic source (to inject a failure) */
    void startAgreement(UnaryOperator<Source<RawMessage, ?, ?>> rawSourceDecorator) throws Exception {
        Configuration local = jobConfiguration();
        local.set(KafkaOptions.GROUP_ID, NetworkConfiguration.agreementGroup(conf));
        local.set(JobOptions.CONSENSUS_MEMBERS, keys.members());
        StreamExecutionEnvironment env = JobEnvironment.create(local);
        ProductionWiring.defineAgreementJob(env, local, rawSourceDecorator);
        submit(AGREEMENT, env);
    }

    private Configuration jobConfiguration() {
        Configuration local = new Configuration(conf);
        local.set(CoreOptions.DEFAULT_PARALLELISM, 1);
        local.set(JobOptions.VERIFY_PARALLELISM, 1);
        return local;
    }

    private void submit(String name, StreamExecutionEnvironment env) throws Exception {
        if (jobs.containsKey(name)) {
            throw new IllegalStateException(name + " runs already");
        }
        jobs.put(name, cluster.submit(env, "aleph-" + name));
    }

    JobStatus status(String job) throws Exception {
        return cluster.status(jobId(job));
    }

    /** Waits until every job started so far has completed a checkpoint: its sources read, its sinks commit. */
    void awaitCheckpointOfEveryJob(Duration timeout) throws InterruptedException {
        for (String job : jobs.keySet()) {
            NetworkAwait.until(timeout, () -> jobGauge(job, "numberOfCompletedCheckpoints") >= 1
                    ? null : job + " has completed no checkpoint");
        }
    }

    /** A job-manager gauge of a job (numRestarts, numberOfCompletedCheckpoints), or -1 while it is not registered. */
    long jobGauge(String job, String name) {
        Map<String, Metric> found = metrics.findMetrics(jobId(job), "\\." + name + "$");
        for (Metric metric : found.values()) {
            if (metric instanceof Gauge<?> gauge && gauge.getValue() instanceof Number value) {
                return value.longValue();
            }
        }
        return -1;
    }

    /** The sum over a job's subtasks of a counter of the consensus operators ({@code consensus.<name>}). */
    long consensusCounter(String job, String name) {
        Map<String, Metric> found = metrics.findMetrics(jobId(job), "\\.consensus\\." + name + "$");
        if (found.isEmpty()) {
            throw new AssertionError("no counter consensus." + name + " in job " + job);
        }
        long sum = 0;
        for (Metric metric : found.values()) {
            sum += ((Counter) metric).getCount();
        }
        return sum;
    }

    private JobID jobId(String job) {
        JobID id = jobs.get(job);
        if (id == null) {
            throw new IllegalArgumentException("no job " + job + " in " + jobs.keySet());
        }
        return id;
    }

    @Override
    public void close() throws Exception {
        try {
            cluster.close();
        } finally {
            metrics.close();
        }
    }
}
