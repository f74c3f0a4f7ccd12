package cloud.aleph.flink.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When the JVM that started the stack is killed with SIGKILL (no shutdown hook runs), its servers still go. */
class StackParentKillITCase {

    private Process stackMain;
    private List<ProcessHandle> servers = List.of();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        servers.forEach(ProcessHandle::destroyForcibly);
        if (stackMain != null) {
            stackMain.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void serversExitWhenTheirParentIsKilled() throws Exception {
        Path dataDir = StackTestDirs.fresh("parent-kill");
        Files.createDirectories(dataDir);
        Path output = dataDir.resolve("stack-main.out");
        stackMain = new ProcessBuilder(JavaRuntimes.current().toString(),
                "-cp", System.getProperty("java.class.path"),
                StackMain.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();

        awaitStarted(dataDir.resolve("stack.properties"), output);
        servers = stackMain.descendants().collect(Collectors.toList());
        assertThat(servers).as("child JVMs of StackMain").hasSize(3)
                .allSatisfy(server -> assertThat(server.info().commandLine().orElse(""))
                        .contains(ChildProcessGuard.class.getName()));

        stackMain.destroyForcibly();
        assertThat(stackMain.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long killed = System.nanoTime();
        for (ProcessHandle server : servers) {
            server.onExit().get(10, TimeUnit.SECONDS);
            assertThat(server.isAlive()).as("server pid " + server.pid()).isFalse();
        }
        System.out.printf("guard: all servers gone %d ms after their parent was killed%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
    }

    private void awaitStarted(Path endpointsFile, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.exists(endpointsFile)) {
            assertThat(stackMain.isAlive()).as("StackMain is running; its output:%n%s", readQuietly(output)).isTrue();
            assertThat(System.nanoTime()).as("StackMain started within 300 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
