package cloud.aleph.flink.jobs.cli;

import java.time.Duration;
import java.util.Locale;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/aleph}: the command-line tool of aleph-flink. */
@Command(
        name = "aleph",
        mixinStandardHelpOptions = true,
        version = "aleph-flink 0.1.0",
        description = "Aleph Cloud consensus on Apache Flink: run the jobs on the embedded stack, "
                + "generate and publish signed messages, query the agreed state.",
        subcommands = {
            DemoCommand.class,
            StackCommand.class,
            BootstrapCommand.class,
            RunCommand.class,
            GenerateCommand.class,
            PublishCommand.class,
            QueryCommand.class,
            ReplayCommand.class,
            ExportStateCommand.class,
            VerifyCommand.class,
            ProofCommand.class,
            CommandLine.HelpCommand.class
        })
public final class AlephCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exitCode = new CommandLine(new AlephCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                // Durations as Flink writes them ("30s", "5 min", "1h") or in ISO-8601 ("PT30S").
                .registerConverter(Duration.class, text -> text.toUpperCase(Locale.ROOT).startsWith("P")
                        ? Duration.parse(text) : TimeUtils.parseDuration(text))
                .execute(args);
        System.exit(exitCode);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
