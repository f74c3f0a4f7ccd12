package cloud.aleph.flink.connectors.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Lays environment variables over a {@link Configuration}: {@code ALEPH_KAFKA_BOOTSTRAP_SERVERS}
 * sets {@code aleph.kafka.bootstrap-servers} (upper case, dots and dashes become underscores).
 * Only known options are mapped, because the variable name cannot tell a dot from a dash. A set
 * variable wins over the configuration; an empty one is ignored.
 */
public final class EnvironmentOverlay {

    private EnvironmentOverlay() {}

    /** Every option of the connectors: Kafka, Cassandra and the object store. */
    public static List<ConfigOption<?>> connectorOptions() {
        List<ConfigOption<?>> options = new ArrayList<>();
        options.addAll(KafkaOptions.all());
        options.addAll(CassandraOptions.all());
        options.addAll(ObjectStoreOptions.all());
        return options;
    }

    /** The environment variable that sets a key. */
    public static String variableName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** A copy of {@code base} with the process environment laid over the connector options. */
    public static Configuration withSystemEnvironment(Configuration base) {
        return apply(base, System.getenv(), connectorOptions());
    }

    /** A copy of {@code base} with {@code environment} laid over the connector options. */
    public static Configuration apply(Configuration base, Map<String, String> environment) {
        return apply(base, environment, connectorOptions());
    }

    /**
     * A copy of {@code base} with {@code environment} laid over {@code options}. Values are parsed
     * by the option's type here, so a malformed variable fails at start-up with its name.
     */
    public static Configuration apply(
            Configuration base, Map<String, String> environment, Collection<ConfigOption<?>> options) {
        Configuration result = new Configuration(base);
        for (ConfigOption<?> option : options) {
            String variable = variableName(option.key());
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                result.setString(option.key(), value.trim());
                try {
                    result.get(option);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            "environment variable " + variable + " has an invalid value for " + option.key(), e);
                }
            }
        }
        return result;
    }
}
