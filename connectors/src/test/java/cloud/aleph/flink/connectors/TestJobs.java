package cloud.aleph.flink.connectors;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Local MiniCluster environments for integration tests: parallelism 2, checkpoints every second, no restarts. */
public final class TestJobs {

    private TestJobs() {}

    public static StreamExecutionEnvironment environment() {
        return environment(new Configuration());
    }

    /** An environment with {@code overrides} laid over the defaults above (e.g. a restart strategy). */
    public static StreamExecutionEnvironment environment(Configuration overrides) {
        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 4);
        conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        // A failure must fail the test, not loop in restarts.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.addAll(overrides);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(Duration.ofSeconds(1).toMillis(), CheckpointingMode.EXACTLY_ONCE);
        return env;
    }
}
