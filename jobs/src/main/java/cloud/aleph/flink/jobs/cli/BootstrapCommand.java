package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.connectors.Bootstrap;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Creates what the jobs need on the servers; safe to run again. */
@Command(
        name = "bootstrap",
        mixinStandardHelpOptions = true,
        description = {
            "Create the Kafka topics, the Cassandra keyspace and tables, and the S3 bucket if they are missing.",
            "Idempotent: existing topics, tables and buckets are left as they are. Works against external servers",
            "(ALEPH_* environment variables or -o options) as well as the embedded stack."
        })
final class BootstrapCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connections;

    @Override
    public Integer call() {
        bootstrap(connections.configuration(), Terminal.stdout());
        return 0;
    }

    static void bootstrap(Configuration configuration, Terminal terminal) {
        Bootstrap.Result result = Bootstrap.run(configuration);
        terminal.info("topics created: " + result.topicsCreated() + ", already there: " + result.topicsExisting());
        terminal.info("keyspace " + result.keyspace() + ", tables: " + String.join(", ", result.tables()));
        terminal.info("bucket " + result.bucket() + (result.bucketCreated() ? " created" : " already there"));
    }
}
