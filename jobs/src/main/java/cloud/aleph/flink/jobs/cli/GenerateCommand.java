package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.connectors.kafka.RawTopicPublisher;
import cloud.aleph.flink.jobs.workload.DemoWorkload;
import cloud.aleph.flink.jobs.workload.WorkloadMessage;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Signs messages with the deterministic demo keys, to a JSON Lines file or straight to Kafka. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Sign N messages (posts, aggregates, stores) with the demo ETH and SOL keys, the way the official",
            "SDKs sign, optionally mixed with bad inputs; write them as JSON Lines (--out) or publish them (--kafka).",
            "The same --seed always gives the same messages. The demo keys are public: never fund them."
        })
final class GenerateCommand implements Callable<Integer> {

    @Option(names = {"-n", "--messages"}, defaultValue = "1000", description = "Valid messages (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--invalid", defaultValue = "0", description = "Bad inputs mixed in (default: ${DEFAULT-VALUE}).")
    int invalid;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time", defaultValue = "1700000000", description = "Unix time of the first message (default: ${DEFAULT-VALUE}).")
    double baseTime;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--out", description = "Write JSON Lines to this file ('-' for standard output).")
        String out;

        @Option(names = "--kafka", description = "Publish to the raw topic of the configured servers instead.")
        boolean kafka;
    }

    @Mixin
    ConnectionOptions connections;

    @Override
    public Integer call() throws Exception {
        List<WorkloadMessage> workload = DemoWorkload.generate(messages, invalid, seed, baseTime);
        if (target.kafka) {
            Terminal terminal = Terminal.stdout();
            Terminal.Bar bar = terminal.bar("published", workload.size());
            try (RawTopicPublisher publisher = new RawTopicPublisher(connections.configuration())) {
                workload.forEach(message -> publisher.publish(message.json()));
                publisher.flush(bar::update);
                terminal.info("published " + workload.size() + " messages in " + Terminal.seconds(bar.done(workload.size())));
            }
        } else if ("-".equals(target.out)) {
            workload.forEach(message -> System.out.println(message.json()));
        } else {
            try (BufferedWriter writer = Files.newBufferedWriter(Path.of(target.out), StandardCharsets.UTF_8)) {
                for (WorkloadMessage message : workload) {
                    writer.write(message.json());
                    writer.newLine();
                }
            }
            System.err.println("wrote " + workload.size() + " messages to " + target.out);
        }
        return 0;
    }
}
