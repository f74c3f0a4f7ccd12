package cloud.aleph.flink.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A guarded child JVM runs its main while its parent lives and halts soon after the parent dies. */
class ChildProcessGuardITCase {

    @TempDir
    Path tmp;

    private Process parent;
    private Process child;

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process process : new Process[] {child, parent}) {
            if (process != null) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void childRunsItsMainAndHaltsWhenItsParentDies() throws Exception {
        parent = new ProcessBuilder("sleep", "120").start();
        Path argsFile = tmp.resolve("args.txt");
        child = GuardedJvm.named("sleeper")
                .parentPid(parent.pid())
                .jvmOptions(List.of("-Xmx32m"))
                .classpath(List.of(codeLocation(SleepingMain.class)))
                .mainClass(SleepingMain.class.getName())
                .arguments(List.of(argsFile.toString(), "first", "second"))
                .logFile(tmp.resolve("sleeper.log"))
                .start();

        // The real main ran with its own arguments.
        awaitFile(argsFile, Duration.ofSeconds(30));
        assertThat(Files.readString(argsFile)).isEqualTo("first second");
        // Several poll rounds of the guard pass with the parent alive: the child keeps running.
        Thread.sleep(3 * ChildProcessGuard.POLL_MILLIS);
        assertThat(child.isAlive()).as("child while its parent lives").isTrue();

        parent.destroyForcibly();
        parent.waitFor(10, TimeUnit.SECONDS);
        long killed = System.nanoTime();

        assertThat(child.waitFor(5, TimeUnit.SECONDS)).as("child exited within 5 s of its parent").isTrue();
        assertThat(child.exitValue()).isEqualTo(ChildProcessGuard.PARENT_GONE_EXIT_STATUS);
        System.out.printf("guard: child halted %d ms after its parent was killed%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
        assertThat(Files.readString(tmp.resolve("sleeper.log"))).contains("parent process " + parent.pid() + " is gone");
    }

    @Test
    void childOfAnAlreadyDeadParentHaltsAtOnce() throws Exception {
        parent = new ProcessBuilder("true").start();
        parent.waitFor(10, TimeUnit.SECONDS);
        Path argsFile = tmp.resolve("args.txt");
        child = GuardedJvm.named("sleeper")
                .parentPid(parent.pid())
                .classpath(List.of(codeLocation(SleepingMain.class)))
                .mainClass(SleepingMain.class.getName())
                .arguments(List.of(argsFile.toString()))
                .logFile(tmp.resolve("sleeper.log"))
                .start();

        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(ChildProcessGuard.PARENT_GONE_EXIT_STATUS);
        assertThat(argsFile).as("the main never ran").doesNotExist();
    }

    static Path codeLocation(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void awaitFile(Path file, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(file).exists();
    }
}
