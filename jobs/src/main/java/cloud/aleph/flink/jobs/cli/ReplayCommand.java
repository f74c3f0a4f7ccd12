package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.cassandra.OutcomeReader;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.jobs.JobOptions;
import com.datastax.oss.driver.api.core.CqlSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs the whole pipeline on a JSON Lines file and writes the agreed state it ends in. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Run the whole pipeline on the messages of a JSON Lines file, on a fresh embedded stack: publish them,",
            "wait until every message has a final status (a missing dependency is waited for at most --max-wait),",
            "and write the agreed state read back from Cassandra as JSON (docs/state-semantics.md §8)."
        })
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "JSON Lines file of message envelopes.")
    Path file;

    @Option(names = "--dump-state", required = true, description = "Where to write the agreed state (JSON).")
    Path out;

    @Option(names = "--max-wait", defaultValue = "10s",
            description = "How long a missing dependency is waited for before the message is rejected (default: ${DEFAULT-VALUE}).")
    Duration maxWait;

    @Option(names = "--ccns", defaultValue = "1",
            description = "CCNs: 1 runs the single-CCN job; more run that many CCN verification jobs and the agreement "
                    + "(quorum and finality), the last with an Ed25519 node key; final messages are exported as processed with their "
                    + "final_epoch (default: ${DEFAULT-VALUE}).")
    int ccns;

    @Option(names = "--epoch-size", defaultValue = "100", description = "Offsets per epoch with --ccns > 1 (default: ${DEFAULT-VALUE}).")
    int epochSize;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism of the job (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--partitions", defaultValue = "4", description = "Partitions of the raw topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--timeout", defaultValue = "10min", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--data-dir", description = "Data directory, emptied first (default: .aleph/replay).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = Terminal.stdout();
        List<String> envelopes;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            envelopes = lines.filter(line -> !line.isBlank()).toList();
        }
        Path dir = dataDir != null ? dataDir : Paths.home().resolve(".aleph/replay");
        terminal.step("Starting the embedded stack in " + dir);
        Configuration options = new Configuration();
        options.set(KafkaOptions.RAW_PARTITIONS, partitions);
        options.set(JobOptions.MAX_WAIT, maxWait);
        options.set(JobOptions.EPOCH_SIZE, epochSize);
        try (EmbeddedPipeline pipeline = EmbeddedPipeline.startStack(dir, options, terminal)) {
            pipeline.bootstrap(terminal);
            terminal.step("Starting " + (ccns == 1 ? "the job" : ccns + " CCNs and the agreement") + " (parallelism "
                    + parallelism + ", max wait " + maxWait + ")");
            if (ccns == 1) {
                pipeline.startJob(parallelism, "aleph-replay");
            } else {
                pipeline.startNetwork(ccns, parallelism);
            }
            terminal.step("Publishing " + envelopes.size() + " messages of " + file);
            pipeline.publish(envelopes, terminal);
            if (ccns > 1) {
                terminal.info(pipeline.completeEpochs(epochSize) + " heartbeat messages complete the last epochs");
            }

            terminal.step("Waiting until every message has a final status");
            FinalStatuses statuses = new FinalStatuses(envelopes);
            Configuration configuration = pipeline.configuration();
            boolean settled;
            try (CqlSession session = CassandraSessions.open(configuration)) {
                OutcomeReader reader = new OutcomeReader(session, CassandraOptions.keyspace(configuration));
                Duration quiet = configuration.get(JobOptions.EVALUATION_DELAY).multipliedBy(5).plusSeconds(2);
                settled = statuses.await(reader, quiet, timeout, terminal.bar("final", statuses.total()));
                ExportStateCommand.write(session, CassandraOptions.keyspace(configuration), out);
            }
            terminal.info((settled ? "settled; " : "NOT settled within " + timeout + "; ") + "state written to " + out);
            return settled ? 0 : 1;
        }
    }
}
