package cloud.aleph.flink.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/** S3Proxy serving the S3 API from a local directory, in a child JVM. */
final class S3ProxyServer {

    static final String NAME = "s3proxy";
    static final String REGION = "us-east-1";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    // C2 stays on: with TieredStopAtLevel=1 large uploads took about three times longer.
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    private S3ProxyServer() {}

    static ServerProcess launch(StackLayout layout, StackSettings settings) {
        long launched = System.nanoTime();
        Path home = layout.componentDir(NAME);
        Path blobs = home.resolve("blobs");
        try {
            Files.createDirectories(blobs);
        } catch (IOException e) {
            throw new StackException("cannot create " + blobs, e);
        }
        Path conf = home.resolve("s3proxy.conf");
        StackSettings.writeOwnerOnly(conf, s3ProxyProperties(settings, blobs),
                "S3Proxy of the aleph embedded stack, written on every start");
        Path logback = ConfigFiles.copyResource("s3proxy-logback.xml", home.resolve("logback.xml"));
        Process server = GuardedJvm.named(NAME)
                .jvmOptions(JVM_OPTIONS)
                .jvmOptions(List.of("-Dlogback.configurationFile=" + logback.toUri()))
                .classpath(ServerClasspath.of(NAME))
                .mainClass("org.gaul.s3proxy.Main")
                .arguments(List.of("--properties", conf.toString()))
                .logFile(layout.logFile(NAME))
                .workingDirectory(home)
                .start();
        return new ServerProcess(NAME, server, settings.s3Port(), READY_TIMEOUT, STOP_GRACE,
                layout.logFile(NAME), launched);
    }

    static Properties s3ProxyProperties(StackSettings settings, Path blobs) {
        Properties properties = new Properties();
        properties.setProperty("s3proxy.endpoint", "http://" + LoopbackPorts.HOST + ":" + settings.s3Port());
        properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        properties.setProperty("s3proxy.identity", settings.s3AccessKey());
        properties.setProperty("s3proxy.credential", settings.s3SecretKey());
        // filesystem-nio2, not the jclouds filesystem backend, which lists directory markers as objects.
        properties.setProperty("jclouds.provider", "filesystem-nio2");
        properties.setProperty("jclouds.identity", settings.s3AccessKey());
        properties.setProperty("jclouds.credential", settings.s3SecretKey());
        properties.setProperty("jclouds.filesystem.basedir", blobs.toString());
        return properties;
    }
}
