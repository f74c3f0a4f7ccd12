package cloud.aleph.flink.jobs;

import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;

/** Flink settings for running a job inside this JVM (a MiniCluster), as the command-line tool and the tests do. */
public final class LocalCluster {

    private LocalCluster() {}

    /**
     * @param base job and connector options
     * @param parallelism default parallelism, and the number of task slots
     * @param checkpointDir where checkpoints go (a restart of the tool resumes from Kafka offsets, not from here)
     */
    public static Configuration configuration(Configuration base, int parallelism, Path checkpointDir) {
        Configuration configuration = new Configuration(base);
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, Math.max(parallelism, configuration.get(JobOptions.VERIFY_PARALLELISM)));
        configuration.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        configuration.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir.toUri().toString());
        return configuration;
    }
}
