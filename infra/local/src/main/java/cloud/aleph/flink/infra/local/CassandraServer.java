package cloud.aleph.flink.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A single Cassandra node in a child JVM on Java 17. */
final class CassandraServer {

    static final String NAME = "cassandra";
    static final String DATACENTER = "datacenter1";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    // SIGTERM drains the node in about 5 s; a clean stop keeps the restart fast (no commit log replay).
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /**
     * Heap, JIT and start-up flags measured fastest for a small node on a 2-core machine. The heap
     * starts small (fast start) but may grow to 1.5 GiB: every table costs heap whether or not it
     * is written, and a test JVM that creates a keyspace per test class ran a 512 MiB heap out of
     * memory (OutOfMemoryError, so the node exits).
     */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms256m", "-Xmx1536m", "-Xss512k", "-XX:+UseG1GC", "-XX:MaxDirectMemorySize=256m",
            "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
            "-Dcassandra-foreground=yes",
            "-Dcassandra.skip_wait_for_gossip_to_settle=0",
            "-Dcassandra.superuser_setup_delay_ms=0",
            "-Dcassandra.unsafesystem=true");

    /** Cassandra's jvm17-server.options: the JDK internals it reaches into. */
    private static final List<String> JDK17_MODULE_OPTIONS = List.of(
            "-Djdk.attach.allowAttachSelf=true",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports=java.sql/java.sql=ALL-UNNAMED",
            "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED");

    private CassandraServer() {}

    static ServerProcess launch(StackLayout layout, StackSettings settings) {
        long launched = System.nanoTime();
        Path java = JavaRuntimes.forCassandra();
        Path home = layout.componentDir(NAME);
        Path yaml = ConfigFiles.write(home.resolve("cassandra.yaml"), cassandraYaml(settings, home));
        Path logback = ConfigFiles.copyResource("cassandra-logback.xml", home.resolve("logback.xml"));
        List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
        jvmOptions.addAll(JDK17_MODULE_OPTIONS);
        jvmOptions.add("-Dcassandra.config=" + yaml.toUri());
        jvmOptions.add("-Dcassandra.storagedir=" + home.resolve("data"));
        jvmOptions.add("-Dcassandra.logdir=" + layout.logsDir());
        // An existing (empty) triggers directory spares a warning every minute.
        jvmOptions.add("-Dcassandra.triggers_dir=" + createDirectory(home.resolve("triggers")));
        jvmOptions.add("-Dlogback.configurationFile=" + logback.toUri());
        Process node = GuardedJvm.named(NAME)
                .java(java)
                .jvmOptions(jvmOptions)
                .classpath(ServerClasspath.of(NAME))
                .mainClass("org.apache.cassandra.service.CassandraDaemon")
                .arguments(List.of())
                .logFile(layout.logFile(NAME))
                .workingDirectory(home)
                .start();
        return new ServerProcess(NAME, node, settings.cassandraNativePort(), READY_TIMEOUT, STOP_GRACE,
                layout.logFile(NAME), launched);
    }

    static String cassandraYaml(StackSettings settings, Path home) {
        Path data = home.resolve("data");
        String host = LoopbackPorts.HOST;
        return String.join("\n",
                "# Written by the aleph embedded stack on every start.",
                "cluster_name: 'aleph-local'",
                "num_tokens: 1",
                "initial_token: 0",
                "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
                "commitlog_sync: periodic",
                "commitlog_sync_period: 10000ms",
                "commitlog_segment_size: 8MiB",
                "commitlog_directory: " + quoted(data.resolve("commitlog")),
                "data_file_directories:",
                "  - " + quoted(data.resolve("data")),
                "saved_caches_directory: " + quoted(data.resolve("saved_caches")),
                "hints_directory: " + quoted(data.resolve("hints")),
                "cdc_raw_directory: " + quoted(data.resolve("cdc_raw")),
                "seed_provider:",
                "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
                "    parameters:",
                "      - seeds: \"" + host + ":" + settings.cassandraStoragePort() + "\"",
                "listen_address: " + host,
                "rpc_address: " + host,
                "storage_port: " + settings.cassandraStoragePort(),
                "native_transport_port: " + settings.cassandraNativePort(),
                "start_native_transport: true",
                "endpoint_snitch: SimpleSnitch",
                "authenticator: AllowAllAuthenticator",
                "authorizer: AllowAllAuthorizer",
                "auto_bootstrap: false",
                "dynamic_snitch: false",
                // Small memory and thread budgets: one node on a 2-core machine beside Kafka and Flink.
                "concurrent_reads: 4",
                "concurrent_writes: 4",
                "concurrent_counter_writes: 4",
                "memtable_heap_space: 64MiB",
                "memtable_offheap_space: 64MiB",
                "key_cache_size: 8MiB",
                "file_cache_size: 32MiB",
                "");
    }

    private static Path createDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StackException("cannot create " + dir, e);
        }
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }
}
