package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.cassandra.StateExport;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Writes the agreed state of a keyspace (embedded stack or external servers) as JSON. */
@Command(
        name = "export-state",
        mixinStandardHelpOptions = true,
        description = {
            "Read the agreed state (aggregates, posts, files, VMs, forgotten messages, statuses) from Cassandra and",
            "write it as JSON (docs/state-semantics.md §8). It scans the state tables: for audits and tests."
        })
final class ExportStateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", description = "Output file ('-' for standard output).")
    String out;

    @Mixin
    ConnectionOptions connections;

    @Override
    public Integer call() throws IOException {
        Configuration configuration = connections.configuration();
        try (CqlSession session = CassandraSessions.open(configuration)) {
            if ("-".equals(out)) {
                System.out.println(JSON.writeValueAsString(new StateExport(session, CassandraOptions.keyspace(configuration)).export()));
            } else {
                write(session, CassandraOptions.keyspace(configuration), Path.of(out));
            }
        }
        return 0;
    }

    static void write(CqlSession session, String keyspace, Path file) throws IOException {
        JSON.writeValue(file.toFile(), new StateExport(session, keyspace).export());
    }
}
