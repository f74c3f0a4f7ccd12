package cloud.aleph.flink.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A component that cannot start fails the whole start with its name and log, and takes the others down. */
class StackFailureITCase {

    @Test
    void aBrokerThatExitsFailsTheStartAndStopsTheOthers() throws Exception {
        Path dataDir = StackTestDirs.fresh("failure");
        // A log dir formatted for another node: the format step is skipped and the broker refuses it.
        Path kafkaData = Files.createDirectories(dataDir.resolve("kafka").resolve("data"));
        Files.writeString(kafkaData.resolve("meta.properties"),
                "version=1\nnode.id=7\ncluster.id=" + StackSettings.randomKafkaClusterId() + "\n");

        assertThatThrownBy(() -> Stack.start(dataDir))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("kafka exited with status")
                .hasMessageContaining("(log: " + dataDir.resolve("logs").resolve("kafka.log") + ")")
                .hasMessageContaining("first errors in kafka.log")
                .hasMessageContaining("Stored node id 7 doesn't match");

        assertThat(childJvmsOf(dataDir)).as("child JVMs left behind").isEmpty();
        // The data directory is free again: the same failure, not "another stack is running".
        assertThatThrownBy(() -> Stack.start(dataDir)).hasMessageContaining("kafka exited with status");
        assertThat(childJvmsOf(dataDir)).as("child JVMs left behind").isEmpty();
    }

    private static List<String> childJvmsOf(Path dataDir) {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .map(process -> process.info().commandLine().orElse(""))
                .filter(commandLine -> commandLine.contains(dataDir.toString()))
                .collect(Collectors.toList());
    }
}
