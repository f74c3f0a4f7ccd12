package cloud.aleph.flink.infra.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A running server of the stack: its child JVM, the port that tells it is ready, and its log. */
final class ServerProcess {

    /** The JDK's and netty's text for EADDRINUSE. */
    private static final String ADDRESS_IN_USE = "Address already in use";
    private static final int LOG_TAIL_LINES = 15;
    private static final int LOG_ERROR_LINES = 5;
    private static final int LOG_TAIL_BYTES = 256 * 1024;
    private static final Pattern ERROR_LINE = Pattern.compile("ERROR|FATAL|Exception|Error:|Caused by");

    private final String name;
    private final Process process;
    private final int readinessPort;
    private final Duration readyTimeout;
    private final Duration stopGrace;
    private final Path logFile;
    private final long launchedNanos;
    private volatile Duration startupTime;

    ServerProcess(String name, Process process, int readinessPort, Duration readyTimeout,
            Duration stopGrace, Path logFile, long launchedNanos) {
        this.name = name;
        this.process = process;
        this.readinessPort = readinessPort;
        this.readyTimeout = readyTimeout;
        this.stopGrace = stopGrace;
        this.logFile = logFile;
        this.launchedNanos = launchedNanos;
    }

    String name() {
        return name;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    Path logFile() {
        return logFile;
    }

    int readinessPort() {
        return readinessPort;
    }

    /** From launch until ready, or null while not ready. */
    Duration startupTime() {
        return startupTime;
    }

    /**
     * Checks once whether the server is ready.
     *
     * @return true when its port accepts connections
     * @throws StackException when it exited or its time to become ready is up
     */
    boolean pollReady() {
        if (!process.isAlive()) {
            String message = name + " exited with status " + process.exitValue() + " before it was ready"
                    + " (log: " + logFile + ")" + logTail(logFile);
            if (message.contains(ADDRESS_IN_USE)) {
                throw new PortInUseException(message);
            }
            throw new StackException(message);
        }
        if (LoopbackPorts.accepts(readinessPort, 500)) {
            startupTime = Duration.ofNanos(System.nanoTime() - launchedNanos);
            return true;
        }
        if (System.nanoTime() - launchedNanos > readyTimeout.toNanos()) {
            throw new StackException(name + " was not ready on 127.0.0.1:" + readinessPort + " within "
                    + readyTimeout.toSeconds() + " s (log: " + logFile + ")" + logTail(logFile));
        }
        return false;
    }

    /** Asks the server to shut down (SIGTERM), without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Waits for the exit asked by {@link #requestStop()}; kills the JVM when it takes too long. */
    void awaitStop() {
        try {
            if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                System.out.println("aleph-stack: " + name + " did not stop within "
                        + stopGrace.toSeconds() + " s, killing it");
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
        // Servers start no processes of their own, but nothing may be left behind if one did.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL, then a bounded wait for the exit. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The first error lines and the last lines of the latest run in a log, to put in an error
     * message: a server's last lines are often the bottom of a stack trace, its first error line
     * says what went wrong.
     */
    static String logTail(Path logFile) {
        String text;
        try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, LOG_TAIL_BYTES));
            channel.position(size - buffer.capacity());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read until the buffer is full
            }
            // Decoding with replacement: a log cut mid-character must still be shown.
            text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
        int latestRun = text.lastIndexOf("\n" + GuardedJvm.LOG_HEADER);
        List<String> lines = (latestRun >= 0 ? text.substring(latestRun) : text).lines()
                .filter(line -> !line.isBlank() && !line.startsWith(GuardedJvm.LOG_HEADER))
                .collect(Collectors.toList());
        List<String> errors = lines.stream()
                .filter(line -> ERROR_LINE.matcher(line).find())
                .limit(LOG_ERROR_LINES)
                .collect(Collectors.toList());
        List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        StringBuilder excerpt = new StringBuilder();
        if (!errors.isEmpty()) {
            excerpt.append("\n--- first errors in ").append(logFile.getFileName()).append(" ---\n")
                    .append(String.join("\n", errors));
        }
        if (!tail.isEmpty()) {
            excerpt.append("\n--- last lines of ").append(logFile.getFileName()).append(" ---\n")
                    .append(String.join("\n", tail));
        }
        return excerpt.toString();
    }
}
