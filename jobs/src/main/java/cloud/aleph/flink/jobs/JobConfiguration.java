package cloud.aleph.flink.jobs;

import cloud.aleph.flink.connectors.config.EnvironmentOverlay;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.ParameterTool;

/** Configuration of a job submitted to a cluster: {@code --key value} arguments over ALEPH_* environment variables. */
public final class JobConfiguration {

    private JobConfiguration() {}

    public static Configuration fromArgsAndEnvironment(String[] args) {
        Configuration configuration = EnvironmentOverlay.withSystemEnvironment(new Configuration());
        configuration.addAll(ParameterTool.fromArgs(args).getConfiguration());
        return configuration;
    }
}
