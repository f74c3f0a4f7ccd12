package cloud.aleph.flink.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where each part of the stack lives under its data directory. */
record StackLayout(Path dataDir) {

    static final String ENDPOINTS_FILE = "stack.properties";

    static StackLayout create(Path dataDir) {
        StackLayout layout = new StackLayout(dataDir.toAbsolutePath().normalize());
        try {
            Files.createDirectories(layout.logsDir());
        } catch (IOException e) {
            throw new StackException("cannot create the stack directory " + layout.logsDir(), e);
        }
        return layout;
    }

    Path logsDir() {
        return dataDir.resolve("logs");
    }

    /** The one log of a component: its child JVM's stdout and stderr, appended across restarts. */
    Path logFile(String component) {
        return logsDir().resolve(component + ".log");
    }

    /** Configuration and data of a component; created on first use. */
    Path componentDir(String component) {
        Path dir = dataDir.resolve(component);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StackException("cannot create " + dir, e);
        }
        return dir;
    }

    Path endpointsFile() {
        return dataDir.resolve(ENDPOINTS_FILE);
    }

    Path lockFile() {
        return dataDir.resolve("stack.lock");
    }
}
