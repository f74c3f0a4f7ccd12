package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.cassandra.OutcomeReader;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.jobs.JobOptions;
import cloud.aleph.flink.jobs.workload.DemoWorkload;
import cloud.aleph.flink.jobs.workload.WorkloadMessage;
import cloud.aleph.flink.operators.model.ErrorCode;
import com.datastax.oss.driver.api.core.CqlSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The main command: the whole pipeline on the embedded stack, on a generated workload, with a summary. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start the embedded stack (Kafka, Cassandra, S3Proxy), create topics, tables and bucket, sign a",
            "workload of messages with demo ETH and SOL keys (plus bad input of every kind), run the",
            "verification job until the workload is processed, print a summary, and stop everything."
        })
final class DemoCommand implements Callable<Integer> {

    private static final int STEPS = 7;

    @Option(names = "--messages", defaultValue = "5000", description = "Valid messages to publish (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--invalid", defaultValue = "45",
            description = "Bad inputs to publish, cycling through every kind (default: ${DEFAULT-VALUE}).")
    int invalid;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism of the job (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--partitions", defaultValue = "4", description = "Partitions of the raw topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--ccns", defaultValue = "1",
            description = "CCNs of the network: each verifies and signs attestations and epoch digests; the agreement "
                    + "accepts a message once a majority attests it, and makes it final once a majority signs its epoch "
                    + "(default: ${DEFAULT-VALUE}). With several, the last CCN has an Ed25519 node key, the others secp256k1.")
    int ccns;

    @Option(names = "--epoch-size", defaultValue = "100", description = "Offsets per epoch (default: ${DEFAULT-VALUE}).")
    int epochSize;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the workload (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout", defaultValue = "3min",
            description = "Give up waiting for the workload after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--data-dir", description = "Data directory, emptied first (default: .aleph/demo).")
    Path dataDir;

    @Option(names = "--keep-running",
            description = "Keep the stack and the job running after the summary, for queries, until Ctrl-C.")
    boolean keepRunning;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = Terminal.stdout();
        Path dir = dataDir != null ? dataDir : Paths.defaultDemoDir();
        long demoStart = System.nanoTime();

        terminal.step(step(1) + "Starting the embedded stack in " + dir);
        Configuration options = new Configuration();
        options.set(KafkaOptions.RAW_PARTITIONS, partitions);
        options.set(JobOptions.EPOCH_SIZE, epochSize);
        try (EmbeddedPipeline pipeline = EmbeddedPipeline.startStack(dir, options, terminal)) {
            terminal.step(step(2) + "Creating topics, keyspace, tables and bucket");
            pipeline.bootstrap(terminal);

            terminal.step(step(3) + "Signing the workload: " + messages + " messages from "
                    + DemoWorkload.ACCOUNTS_PER_CHAIN + " ETH and " + DemoWorkload.ACCOUNTS_PER_CHAIN
                    + " SOL demo accounts, and " + invalid + " bad inputs");
            long signStart = System.nanoTime();
            List<WorkloadMessage> workload = DemoWorkload.generate(messages, invalid, seed, 1_700_000_000.0);
            terminal.info("signed in " + Terminal.seconds(Duration.ofNanos(System.nanoTime() - signStart)));

            terminal.step(step(4) + "Starting " + ccns + (ccns == 1 ? " CCN" : " CCNs") + " and the agreement (parallelism "
                    + parallelism + " each)");
            pipeline.startNetwork(ccns, parallelism);

            terminal.step(step(5) + "Publishing the workload");
            long publishStart = System.nanoTime();
            Duration publishTime = pipeline.publish(workload.stream().map(WorkloadMessage::json).toList(), terminal);
            // An epoch is final only once records after it exist; a live network never stops, a demo does.
            int fillers = pipeline.completeEpochs(epochSize);
            terminal.info(fillers + " heartbeat messages complete the last epoch of each partition");

            terminal.step(step(6) + "Waiting until every message has its verdict in Cassandra");
            WorkloadOutcome outcome = new WorkloadOutcome(workload);
            boolean complete = await(pipeline.configuration(), outcome, workload.size(), terminal);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - publishStart);

            terminal.step(step(7) + "Waiting until the accepted messages are final");
            Finality finality = Finality.await(pipeline.configuration(), outcome.acceptedHashes(), timeout, terminal);

            printSummary(terminal, workload, outcome, publishTime, elapsed, complete, dir,
                    Duration.ofNanos(System.nanoTime() - demoStart));
            finality.print(pipeline.configuration(), pipeline.ccns(), workload.size() / Math.max(0.001, publishTime.toMillis() / 1000.0));
            if (keepRunning) {
                terminal.step("Stack and job keep running for queries; stop with Ctrl-C.");
                Thread.currentThread().join();
            }
            return complete && outcome.unexpected().isEmpty() ? 0 : 1;
        }
    }

    private boolean await(Configuration configuration, WorkloadOutcome outcome, int total, Terminal terminal)
            throws InterruptedException {
        Terminal.Bar bar = terminal.bar("settled", total);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (CqlSession session = CassandraSessions.open(configuration)) {
            OutcomeReader reader = new OutcomeReader(session, CassandraOptions.keyspace(configuration));
            while (true) {
                bar.update(outcome.refresh(reader));
                if (outcome.complete()) {
                    bar.done(outcome.settled());
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    bar.done(outcome.settled());
                    terminal.info("gave up after " + timeout + " (see .aleph/logs/aleph.log)");
                    return false;
                }
                Thread.sleep(500);
            }
        }
    }

    private void printSummary(Terminal terminal, List<WorkloadMessage> workload, WorkloadOutcome outcome,
            Duration publishTime, Duration elapsed, boolean complete, Path dir, Duration total) {
        long valid = workload.stream().filter(WorkloadMessage::expectedValid).count();
        System.out.println();
        System.out.println("Summary");
        row("published", String.format(Locale.ROOT, "%d messages (%d valid, %d bad inputs) in %s",
                workload.size(), valid, workload.size() - valid, Terminal.seconds(publishTime)));
        row("accepted", outcome.accepted() + " (status processed)");
        int rejected = outcome.rejectedByCode().values().stream().mapToInt(Integer::intValue).sum();
        row("rejected", rejected + byCode(outcome.rejectedByCode()));
        List<String> unexpected = outcome.unexpected();
        row("unexpected", unexpected.size() + (unexpected.isEmpty() ? "" : ": " + unexpected.subList(0, Math.min(5, unexpected.size()))));
        row("elapsed", Terminal.seconds(elapsed) + " from the first publish to the last verdict in Cassandra"
                + (complete ? "" : " (incomplete)"));
        row("throughput", String.format(Locale.ROOT, "%.0f messages/s end to end (publish, verify, write)",
                outcome.settled() / Math.max(0.001, elapsed.toMillis() / 1000.0)));
        row("demo", Terminal.seconds(total) + " from the start of the command to this summary (build excluded)");
        System.out.println();
        String sample = workload.stream().filter(WorkloadMessage::expectedValid).map(WorkloadMessage::itemHash)
                .findFirst().orElse("<item_hash>");
        String badSample = workload.stream().filter(m -> !m.expectedValid() && m.itemHash() != null)
                .map(WorkloadMessage::itemHash).findFirst().orElse("<item_hash>");
        System.out.println("Look at the results (the data stays in " + dir + "):");
        System.out.println("  bin/aleph stack --data-dir " + dir + "        # start the stack again on it, then in another shell:");
        System.out.println("  bin/aleph query message --stack-dir " + dir + " " + sample);
        System.out.println("  bin/aleph query history --stack-dir " + dir + " " + sample);
        System.out.println("  bin/aleph query rejections --stack-dir " + dir + " " + badSample);
        System.out.println("  bin/aleph query rejections-of-day --stack-dir " + dir + " " + java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        System.out.println("  or run the demo with --keep-running. Logs: .aleph/logs/aleph.log and " + dir.resolve("logs"));
    }

    private static String byCode(Map<Integer, Integer> byCode) {
        if (byCode.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" by error code:");
        byCode.forEach((code, count) -> text.append(' ').append(code).append(' ')
                .append(ErrorCode.fromCode(code).name()).append(" ×").append(count).append(','));
        text.setLength(text.length() - 1);
        return text.toString();
    }

    private static void row(String label, String value) {
        System.out.printf(Locale.ROOT, "  %-11s %s%n", label, value);
    }

    private static String step(int n) {
        return "[" + n + "/" + STEPS + "] ";
    }
}
