package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.config.EnvironmentOverlay;
import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.connectors.config.ObjectStoreOptions;
import cloud.aleph.flink.infra.local.Stack;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** Turns the endpoints of an embedded stack (running, or described by its stack.properties) into connector options. */
final class StackConnections {

    private static final List<ConfigOption<String>> EXPORTED = List.of(
            KafkaOptions.BOOTSTRAP_SERVERS,
            CassandraOptions.CONTACT_POINTS,
            CassandraOptions.LOCAL_DATACENTER,
            ObjectStoreOptions.ENDPOINT,
            ObjectStoreOptions.ACCESS_KEY,
            ObjectStoreOptions.SECRET_KEY,
            ObjectStoreOptions.REGION);

    private StackConnections() {}

    static Configuration configurationOf(Stack stack) {
        return configurationOf(stack.endpoints());
    }

    /** Reads {@code <dataDir>/stack.properties}, written by a running stack. */
    static Configuration configurationOf(Path dataDir) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("stack.properties"))) {
            properties.load(reader);
        }
        Map<String, String> endpoints = new java.util.HashMap<>();
        properties.stringPropertyNames().forEach(name -> endpoints.put(name, properties.getProperty(name)));
        return configurationOf(endpoints);
    }

    static boolean describesStack(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve("stack.properties"));
    }

    private static Configuration configurationOf(Map<String, String> endpoints) {
        Configuration configuration = new Configuration();
        configuration.set(KafkaOptions.BOOTSTRAP_SERVERS, endpoints.get(Stack.KAFKA_BOOTSTRAP_SERVERS));
        configuration.set(CassandraOptions.CONTACT_POINTS, endpoints.get(Stack.CASSANDRA_CONTACT_POINT));
        configuration.set(CassandraOptions.LOCAL_DATACENTER, endpoints.get(Stack.CASSANDRA_DATACENTER));
        configuration.set(ObjectStoreOptions.ENDPOINT, endpoints.get(Stack.S3_ENDPOINT));
        configuration.set(ObjectStoreOptions.ACCESS_KEY, endpoints.get(Stack.S3_ACCESS_KEY));
        configuration.set(ObjectStoreOptions.SECRET_KEY, endpoints.get(Stack.S3_SECRET_KEY));
        configuration.set(ObjectStoreOptions.REGION, endpoints.get(Stack.S3_REGION));
        return configuration;
    }

    /** Prints the shell exports that point external tools (or another checkout) at this stack. */
    static void printExports(Configuration configuration, Terminal terminal) {
        for (ConfigOption<String> option : EXPORTED) {
            String value = option.equals(ObjectStoreOptions.SECRET_KEY) ? "<see stack.properties>" : configuration.get(option);
            terminal.info("export " + EnvironmentOverlay.variableName(option.key()) + "=" + value);
        }
    }
}
