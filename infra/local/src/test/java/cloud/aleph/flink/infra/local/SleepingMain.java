package cloud.aleph.flink.infra.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/** A stand-in server for guard tests: records its arguments in the file named by the first one, then sleeps. */
final class SleepingMain {

    private SleepingMain() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.writeString(partial, String.join(" ", Arrays.asList(args).subList(1, args.length)));
        // Moved into place whole, so a reader never sees it half written.
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(120_000);
    }
}
