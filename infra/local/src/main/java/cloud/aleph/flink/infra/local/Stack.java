package cloud.aleph.flink.infra.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * The embedded stack: a Kafka broker (KRaft), a Cassandra node and an S3Proxy server, each in a
 * child JVM listening on loopback ports, with all data under one directory.
 *
 * <p>{@link #start(Path)} blocks until all three serve. The children are stopped by
 * {@link #close()}, by a JVM shutdown hook (normal exit, Ctrl-C), and, when this JVM is killed
 * outright, by their own {@link ChildProcessGuard}. Starting again on the same directory keeps the
 * data, the ports (when still free) and the S3 credentials.
 *
 * <p>Layout of the data directory: {@code logs/<component>.log} (each server's output),
 * {@code kafka/}, {@code cassandra/}, {@code s3proxy/} (configuration and data),
 * {@code stack-state.properties} (ports and generated credentials) and {@code stack.properties}
 * (the {@link #endpoints()} of the running stack).
 */
public final class Stack implements AutoCloseable {

    /** Keys of {@link #endpoints()} and of {@code stack.properties}. */
    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String CASSANDRA_CONTACT_POINT = "cassandra.contact.point";
    public static final String CASSANDRA_DATACENTER = "cassandra.datacenter";
    public static final String S3_ENDPOINT = "s3.endpoint";
    public static final String S3_ACCESS_KEY = "s3.access.key";
    public static final String S3_SECRET_KEY = "s3.secret.key";
    public static final String S3_REGION = "s3.region";
    public static final String DATA_DIR = "data.dir";

    /** Component names, as in {@link #processes()} and the log file names. */
    public static final String KAFKA = KafkaServer.NAME;
    public static final String CASSANDRA = CassandraServer.NAME;
    public static final String S3PROXY = S3ProxyServer.NAME;

    private static final long READY_POLL_MILLIS = 100;
    private static final int PORT_CONFLICT_ATTEMPTS = 2;

    private final StackLayout layout;
    private final StackSettings settings;
    private final List<ServerProcess> servers = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook;
    // Held open while running: its lock keeps a second stack off the same directory.
    private FileChannel lockChannel;
    private Duration startupTime;
    private boolean closed;

    private Stack(StackLayout layout, StackSettings settings) {
        this.layout = layout;
        this.settings = settings;
        this.shutdownHook = new Thread(this::stopServers, "aleph-stack-shutdown");
    }

    /**
     * Starts Kafka, Cassandra and S3Proxy with their data under {@code dataDir} (created if
     * missing) and waits until each accepts connections.
     *
     * @throws StackException when a component fails to start, naming it and its log file; the
     *     components already started are stopped first
     */
    public static Stack start(Path dataDir) {
        long started = System.nanoTime();
        StackLayout layout = StackLayout.create(dataDir);
        FileChannel lockChannel = lock(layout);
        try {
            Stack stack = startServers(layout, lockChannel);
            stack.startupTime = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("aleph-stack: all started in %.1f s, data in %s%n",
                    seconds(stack.startupTime), layout.dataDir());
            return stack;
        } catch (RuntimeException | Error e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    private static FileChannel lock(StackLayout layout) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                throw new StackException("another stack is running on " + layout.dataDir());
            }
            return channel;
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            // An overlapping lock means another stack in this JVM holds the directory.
            throw new StackException("another stack is running on " + layout.dataDir(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Starts the servers; once more on fresh ports when another process took a port in between. */
    private static Stack startServers(StackLayout layout, FileChannel lockChannel) {
        for (int attempt = 1; ; attempt++) {
            Stack stack;
            try {
                stack = new Stack(layout, StackSettings.loadOrCreate(layout.dataDir()));
            } catch (RuntimeException e) {
                throw asStackException(e, layout);
            }
            Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
            try {
                stack.launchAndAwait();
                stack.writeEndpoints();
                stack.lockChannel = lockChannel;
                return stack;
            } catch (PortInUseException e) {
                stack.stop();
                if (attempt == PORT_CONFLICT_ATTEMPTS) {
                    throw e;
                }
                System.out.println("aleph-stack: a port was taken while starting, starting again on other ports");
            } catch (RuntimeException e) {
                stack.stop();
                throw asStackException(e, layout);
            } catch (Error e) {
                stack.stop();
                throw e;
            }
        }
    }

    private void launchAndAwait() {
        // Cassandra takes longest, so it boots while the others are launched.
        List<BiFunction<StackLayout, StackSettings, ServerProcess>> launchers =
                List.of(CassandraServer::launch, KafkaServer::launch, S3ProxyServer::launch);
        for (BiFunction<StackLayout, StackSettings, ServerProcess> launcher : launchers) {
            ensureOpen();
            servers.add(launcher.apply(layout, settings));
        }
        List<ServerProcess> pending = new ArrayList<>(servers);
        while (!pending.isEmpty()) {
            ensureOpen();
            for (ServerProcess server : List.copyOf(pending)) {
                if (server.pollReady()) {
                    pending.remove(server);
                    System.out.printf("aleph-stack: %-9s started in %5.1f s on 127.0.0.1:%d (log: %s)%n",
                            server.name(), seconds(server.startupTime()), server.readinessPort(),
                            server.logFile());
                }
            }
            if (!pending.isEmpty()) {
                sleep(READY_POLL_MILLIS);
            }
        }
    }

    private synchronized void ensureOpen() {
        if (closed) {
            throw new StackException("the stack on " + layout.dataDir() + " was closed while starting");
        }
    }

    public String kafkaBootstrapServers() {
        return LoopbackPorts.HOST + ":" + settings.kafkaPort();
    }

    public String cassandraContactPoint() {
        return LoopbackPorts.HOST + ":" + settings.cassandraNativePort();
    }

    /** The contact point as the Cassandra driver takes it. */
    public InetSocketAddress cassandraAddress() {
        return new InetSocketAddress(LoopbackPorts.HOST, settings.cassandraNativePort());
    }

    public String cassandraDatacenter() {
        return CassandraServer.DATACENTER;
    }

    public String s3Endpoint() {
        return "http://" + LoopbackPorts.HOST + ":" + settings.s3Port();
    }

    public String s3AccessKey() {
        return settings.s3AccessKey();
    }

    public String s3SecretKey() {
        return settings.s3SecretKey();
    }

    public String s3Region() {
        return S3ProxyServer.REGION;
    }

    public Path dataDir() {
        return layout.dataDir();
    }

    /** Wall time of {@link #start(Path)}. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Per component ({@link #KAFKA}, {@link #CASSANDRA}, {@link #S3PROXY}): from its launch until it was ready. */
    public Map<String, Duration> componentStartupTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        for (ServerProcess server : servers) {
            times.put(server.name(), server.startupTime());
        }
        return Collections.unmodifiableMap(times);
    }

    /** The child JVM of each component; after {@link #close()} none of them is alive. */
    public Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> handles = new LinkedHashMap<>();
        for (ServerProcess server : servers) {
            handles.put(server.name(), server.handle());
        }
        return Collections.unmodifiableMap(handles);
    }

    /** {@code <dataDir>/logs/<component>.log}. */
    public Path logFile(String component) {
        return layout.logFile(component);
    }

    /** Everything a client needs, under the key constants of this class; also in {@code <dataDir>/stack.properties}. */
    public Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put(KAFKA_BOOTSTRAP_SERVERS, kafkaBootstrapServers());
        endpoints.put(CASSANDRA_CONTACT_POINT, cassandraContactPoint());
        endpoints.put(CASSANDRA_DATACENTER, cassandraDatacenter());
        endpoints.put(S3_ENDPOINT, s3Endpoint());
        endpoints.put(S3_ACCESS_KEY, s3AccessKey());
        endpoints.put(S3_SECRET_KEY, s3SecretKey());
        endpoints.put(S3_REGION, s3Region());
        endpoints.put(DATA_DIR, dataDir().toString());
        return Collections.unmodifiableMap(endpoints);
    }

    private void writeEndpoints() {
        Properties properties = new Properties();
        properties.putAll(endpoints());
        StackSettings.writeOwnerOnly(layout.endpointsFile(), properties,
                "aleph embedded stack: endpoints of the running servers");
    }

    /** Stops all children and waits for them to exit; safe to call more than once. */
    @Override
    public void close() {
        stop();
        FileChannel channel;
        synchronized (this) {
            channel = lockChannel;
            lockChannel = null;
        }
        closeQuietly(channel);
    }

    private void stop() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs, or already ran, stopServers itself.
        }
        stopServers();
    }

    /** SIGTERM to all first, so they shut down side by side, then wait; stragglers are killed. */
    private void stopServers() {
        synchronized (this) {
            closed = true;
        }
        List<ServerProcess> running = new ArrayList<>(servers);
        Collections.reverse(running);
        running.forEach(ServerProcess::requestStop);
        running.forEach(ServerProcess::awaitStop);
    }

    private static StackException asStackException(RuntimeException e, StackLayout layout) {
        if (e instanceof StackException) {
            return (StackException) e;
        }
        return new StackException("the stack on " + layout.dataDir() + " failed to start: " + e, e);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            // Closing the channel also releases its lock.
            channel.close();
        } catch (IOException e) {
            // Nothing left to do with it.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for the stack to start", e);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    @Override
    public String toString() {
        // Without the secret key: this ends up in test reports and logs.
        return "Stack[kafka=" + kafkaBootstrapServers() + ", cassandra=" + cassandraContactPoint()
                + ", s3=" + s3Endpoint() + ", dataDir=" + dataDir() + "]";
    }
}
