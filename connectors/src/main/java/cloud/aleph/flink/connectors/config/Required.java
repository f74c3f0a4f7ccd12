package cloud.aleph.flink.connectors.config;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;

/** Reads options that have no default, failing with the key and the matching environment variable. */
final class Required {

    private Required() {}

    static <T> T get(Configuration conf, ConfigOption<T> option) {
        return conf.getOptional(option)
                .filter(value -> !(value instanceof String text) || !text.isBlank())
                .orElseThrow(() -> new IllegalConfigurationException("missing configuration " + option.key()
                        + " (or environment variable " + EnvironmentOverlay.variableName(option.key()) + ")"));
    }
}
