package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.connectors.config.EnvironmentOverlay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Option;

/**
 * Where the servers are, for commands that talk to them. Later sources win: the embedded stack
 * described by {@code --stack-dir} (if it has a stack.properties), then ALEPH_* environment
 * variables, then {@code -o key=value} options.
 */
final class ConnectionOptions {

    @Option(names = "--stack-dir",
            description = "Data directory of a running embedded stack (default: .aleph/stack when it has a stack.properties).")
    Path stackDir;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
            description = "Any option, e.g. -o aleph.kafka.bootstrap-servers=host:9092 (see the README for the keys).")
    Map<String, String> options = new LinkedHashMap<>();

    Configuration configuration() {
        Configuration configuration = new Configuration();
        Path dir = stackDir != null ? stackDir : Paths.defaultStackDir();
        if (StackConnections.describesStack(dir)) {
            try {
                configuration = StackConnections.configurationOf(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir.resolve("stack.properties"), e);
            }
        } else if (stackDir != null) {
            throw new IllegalArgumentException(dir + " holds no stack.properties: is `bin/aleph stack --data-dir " + dir
                    + "` running?");
        }
        configuration = EnvironmentOverlay.withSystemEnvironment(configuration);
        Configuration overrides = Configuration.fromMap(options);
        configuration.addAll(overrides);
        return configuration;
    }
}
