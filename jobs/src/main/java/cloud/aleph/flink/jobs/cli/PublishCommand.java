package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.connectors.kafka.RawTopicPublisher;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Publishes a JSON Lines file of envelopes to the raw topic, line by line, exactly as written. */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
            "Publish every non-empty line of a JSON Lines file to the raw topic, as is (the job rejects bad lines),",
            "keyed by item_hash, with a progress bar."
        })
final class PublishCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "JSON Lines file of message envelopes.")
    Path file;

    @Mixin
    ConnectionOptions connections;

    @Override
    public Integer call() throws IOException {
        Terminal terminal = Terminal.stdout();
        long total;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            total = lines.filter(line -> !line.isBlank()).count();
        }
        Terminal.Bar bar = terminal.bar("published", total);
        long sent = 0;
        try (RawTopicPublisher publisher = new RawTopicPublisher(connections.configuration());
                BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    publisher.publish(line);
                    if (++sent % 500 == 0) {
                        bar.update(publisher.acknowledged());
                    }
                }
            }
            publisher.flush(bar::update);
        }
        terminal.info("published " + sent + " messages in " + Terminal.seconds(bar.done(sent)));
        return 0;
    }
}
