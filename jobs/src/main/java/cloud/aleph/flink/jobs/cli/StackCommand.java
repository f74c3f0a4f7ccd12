package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.infra.local.Stack;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the embedded stack in the foreground, so that other commands (query, publish, run) can use it. */
@Command(
        name = "stack",
        mixinStandardHelpOptions = true,
        description = {
            "Start the embedded stack (Kafka, Cassandra, S3Proxy as child JVMs) and keep it running until Ctrl-C.",
            "Data stays in the data directory, so a later start finds the same topics, tables and objects.",
            "Other commands find it through <data-dir>/stack.properties (their --stack-dir option)."
        })
final class StackCommand implements Callable<Integer> {

    @Option(names = "--data-dir", description = "Data directory (default: .aleph/stack; the demo's is .aleph/demo).")
    Path dataDir;

    @Option(names = "--no-bootstrap", negatable = true, defaultValue = "true",
            description = "Create the topics, keyspace, tables and bucket if missing (default: ${DEFAULT-VALUE}).")
    boolean bootstrap;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = Terminal.stdout();
        Path dir = dataDir != null ? dataDir : Paths.defaultStackDir();
        terminal.step("Starting the embedded stack in " + dir);
        Stack stack = Stack.start(dir); // stopped by its shutdown hook on Ctrl-C
        terminal.info("started in " + Terminal.seconds(stack.startupTime()));
        Configuration configuration = StackConnections.configurationOf(stack);
        if (bootstrap) {
            terminal.step("Bootstrapping topics, keyspace, tables and bucket");
            BootstrapCommand.bootstrap(configuration, terminal);
        }
        terminal.step("Running. Endpoints (also in " + dir.resolve("stack.properties") + "):");
        StackConnections.printExports(configuration, terminal);
        terminal.info("Other commands use this stack with --stack-dir " + dir + " (the default for .aleph/stack).");
        terminal.info("Stop with Ctrl-C.");
        Thread.currentThread().join();
        return 0;
    }
}
