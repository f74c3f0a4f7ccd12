package cloud.aleph.flink.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * One Flink MiniCluster in this JVM that runs several jobs side by side, as a network of CCNs on
 * the embedded stack needs (one verification job per CCN and the agreement job), each of which
 * can be cancelled on its own.
 */
public final class LocalFlinkCluster implements AutoCloseable {

    private final MiniCluster cluster;
    private final List<JobID> jobs = new ArrayList<>();

    private LocalFlinkCluster(MiniCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * @param slots task slots in all (the sum of the jobs' parallelisms)
     * @param checkpointDir where the jobs' checkpoints go
     */
    public static LocalFlinkCluster start(int slots, Configuration base, Path checkpointDir) throws Exception {
        Configuration configuration = LocalCluster.configuration(base, 1, checkpointDir);
        // Any free port: a fixed 8081 would clash with another local cluster (a second demo, a test run).
        configuration.set(RestOptions.BIND_PORT, "0");
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        cluster.start();
        return new LocalFlinkCluster(cluster);
    }

    /** Submits the job defined on {@code env}; it runs until cancelled. */
    public JobID submit(StreamExecutionEnvironment env, String name) throws Exception {
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(name);
        JobGraph job = graph.getJobGraph(Thread.currentThread().getContextClassLoader());
        cluster.submitJob(job).get();
        jobs.add(job.getJobID());
        return job.getJobID();
    }

    public void cancel(JobID job) throws Exception {
        if (!status(job).isGloballyTerminalState()) {
            cluster.cancelJob(job).get();
        }
    }

    public JobStatus status(JobID job) throws Exception {
        return cluster.getJobStatus(job).get();
    }

    @Override
    public void close() throws Exception {
        for (JobID job : jobs) {
            try {
                cancel(job);
            } catch (Exception alreadyGone) {
                // the cluster closes below anyway
            }
        }
        cluster.closeAsync().get();
    }
}
