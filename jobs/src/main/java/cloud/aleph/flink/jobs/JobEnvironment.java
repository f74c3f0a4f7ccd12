package cloud.aleph.flink.jobs;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The execution environment every job of the project runs in: the same guarantees locally and on a cluster. */
public final class JobEnvironment {

    private JobEnvironment() {}

    /**
     * @param configuration job and connector options, plus any Flink option (for example the
     *     state backend or the checkpoint directory) to apply to the environment
     */
    public static StreamExecutionEnvironment create(Configuration configuration) {
        Configuration flink = new Configuration(configuration);
        // A missing uid must fail at submission, not at the next restore from a savepoint.
        flink.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        // Every record and state type must have a real serializer; Kryo fallbacks are bugs.
        flink.set(PipelineOptions.GENERIC_TYPES, false);
        if (!flink.contains(RestartStrategyOptions.RESTART_STRATEGY)) {
            // Bad input never fails the job; a restart only follows an infrastructure failure.
            flink.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
            flink.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofMillis(500));
            flink.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, Duration.ofSeconds(30));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.enableCheckpointing(configuration.get(JobOptions.CHECKPOINT_INTERVAL).toMillis(), CheckpointingMode.EXACTLY_ONCE);
        env.getConfig().setGlobalJobParameters(configuration);
        return env;
    }
}
