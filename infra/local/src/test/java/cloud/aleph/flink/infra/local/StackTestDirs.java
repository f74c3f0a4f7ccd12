package cloud.aleph.flink.infra.local;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Data directories of stacks that tests start themselves, kept under target/ for their logs. */
final class StackTestDirs {

    private StackTestDirs() {}

    static Path fresh(String purpose) {
        String moduleDir = System.getProperty("basedir", System.getProperty("user.dir"));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        return Path.of(moduleDir, "target", "aleph-stack-" + purpose + "-" + stamp);
    }
}
