package cloud.aleph.flink.infra.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A single-node Kafka (KRaft, combined broker and controller) in a child JVM. */
final class KafkaServer {

    static final String NAME = "kafka";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    private KafkaServer() {}

    static ServerProcess launch(StackLayout layout, StackSettings settings) {
        long launched = System.nanoTime();
        Path home = layout.componentDir(NAME);
        Path logDir = home.resolve("data");
        Path serverProperties = ConfigFiles.write(home.resolve("server.properties"),
                serverProperties(settings, logDir));
        Path log4j = ConfigFiles.copyResource("kafka-log4j2.xml", home.resolve("log4j2.xml"));
        List<Path> classpath = ServerClasspath.of(NAME);
        List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
        jvmOptions.add("-Dlog4j2.configurationFile=" + log4j.toUri());

        // Formatting twice fails, and a restart must keep the topics: format only a new log dir.
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(layout, home, classpath, jvmOptions, serverProperties, settings.kafkaClusterId());
        }
        Process broker = GuardedJvm.named(NAME)
                .jvmOptions(jvmOptions)
                .classpath(classpath)
                .mainClass("kafka.Kafka")
                .arguments(List.of(serverProperties.toString()))
                .logFile(layout.logFile(NAME))
                .workingDirectory(home)
                .start();
        return new ServerProcess(NAME, broker, settings.kafkaPort(), READY_TIMEOUT, STOP_GRACE,
                layout.logFile(NAME), launched);
    }

    private static void format(StackLayout layout, Path home, List<Path> classpath,
            List<String> jvmOptions, Path serverProperties, String clusterId) {
        Process format = GuardedJvm.named(NAME + " storage format")
                .jvmOptions(jvmOptions)
                .classpath(classpath)
                .mainClass("kafka.tools.StorageTool")
                .arguments(List.of("format", "-t", clusterId, "-c", serverProperties.toString()))
                .logFile(layout.logFile(NAME))
                .workingDirectory(home)
                .start();
        try {
            if (!format.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                format.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new StackException(NAME + " storage format did not finish within "
                        + FORMAT_TIMEOUT.toSeconds() + " s (log: " + layout.logFile(NAME) + ")"
                        + ServerProcess.logTail(layout.logFile(NAME)));
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StackException(NAME + " storage format was interrupted", e);
        }
        if (format.exitValue() != 0) {
            throw new StackException(NAME + " storage format exited with status " + format.exitValue()
                    + " (log: " + layout.logFile(NAME) + ")" + ServerProcess.logTail(layout.logFile(NAME)));
        }
    }

    static String serverProperties(StackSettings settings, Path logDir) {
        String host = LoopbackPorts.HOST;
        return String.join("\n",
                "# Written by the aleph embedded stack on every start.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + settings.kafkaControllerPort(),
                "listeners=PLAINTEXT://" + host + ":" + settings.kafkaPort()
                        + ",CONTROLLER://" + host + ":" + settings.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://" + host + ":" + settings.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir,
                // One broker: internal topics cannot have the default replication factor of 3.
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "min.insync.replicas=1",
                "default.replication.factor=1",
                "num.partitions=1",
                "group.initial.rebalance.delay.ms=0",
                // Flink's exactly-once producers default to a 1 h transaction timeout.
                "transaction.max.timeout.ms=3600000",
                // Topics are created on purpose, with their configuration, never by a stray client.
                "auto.create.topics.enable=false",
                "");
    }
}
