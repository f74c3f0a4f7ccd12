package cloud.aleph.flink.infra.local;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Entry point of every child JVM of the stack: halts the JVM as soon as the parent process is
 * gone, then runs the server's real {@code main}.
 *
 * <p>Shutdown hooks and {@code close()} cannot run when the parent is killed with SIGKILL, so the
 * child watches the parent itself. Uses the JDK only: it shares the server's classpath.
 *
 * <p>Usage: {@code ChildProcessGuard <parentPid> <mainClass> [args...]}.
 */
public final class ChildProcessGuard {

    /** Exit status of a child halted because its parent disappeared. */
    public static final int PARENT_GONE_EXIT_STATUS = 86;

    /** Exit status of a child whose server main threw. */
    public static final int MAIN_FAILED_EXIT_STATUS = 1;

    static final long POLL_MILLIS = 500;

    private ChildProcessGuard() {}

    public static void main(String[] args) throws ReflectiveOperationException {
        if (args.length < 2) {
            System.err.println("usage: ChildProcessGuard <parentPid> <mainClass> [args...]");
            System.exit(2);
        }
        long parentPid = Long.parseLong(args[0]);
        watchParent(parentPid);
        runMain(args[1], Arrays.copyOfRange(args, 2, args.length));
    }

    private static void watchParent(long parentPid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            haltOrphan(parentPid);
        }
        // The start instant tells the parent apart from a later process that reuses its pid.
        Optional<Instant> parentStart = parent.get().info().startInstant();
        boolean directChild = parentPidOfThisJvm() == parentPid;
        Thread watcher = new Thread(() -> {
            while (true) {
                if (!isAlive(parentPid, parentStart, directChild)) {
                    haltOrphan(parentPid);
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    // Never stop watching: a child without a watcher could outlive its parent.
                }
            }
        }, "aleph-parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static boolean isAlive(long pid, Optional<Instant> expectedStart, boolean directChild) {
        // A dead parent's children are re-parented at once, while the dead parent itself may stay a
        // zombie (which ProcessHandle reports alive) until someone reaps it.
        if (directChild && parentPidOfThisJvm() != pid) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive() || isZombie(pid)) {
            return false;
        }
        if (expectedStart.isEmpty()) {
            return true;
        }
        Optional<Instant> start = handle.get().info().startInstant();
        return start.isEmpty() || start.equals(expectedStart);
    }

    private static long parentPidOfThisJvm() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }

    /** Linux only: the state field of {@code /proc/<pid>/stat}, after the parenthesised command name. */
    private static boolean isZombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            int end = text.lastIndexOf(')');
            return end >= 0 && end + 2 < text.length() && text.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            // No procfs (not Linux) or the process just went away: the other checks decide.
            return false;
        }
    }

    private static void haltOrphan(long parentPid) {
        System.err.println("aleph ChildProcessGuard: parent process " + parentPid
                + " is gone, halting this child JVM");
        System.err.flush();
        Runtime.getRuntime().halt(PARENT_GONE_EXIT_STATUS);
    }

    private static void runMain(String mainClass, String[] mainArgs) throws ReflectiveOperationException {
        Class<?> serverMain = Class.forName(mainClass, true, ClassLoader.getSystemClassLoader());
        Method main = serverMain.getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) mainArgs);
        } catch (InvocationTargetException e) {
            // A server whose main failed is dead, even if some of its threads would keep the JVM up.
            e.getCause().printStackTrace();
            System.exit(MAIN_FAILED_EXIT_STATUS);
        }
    }
}
