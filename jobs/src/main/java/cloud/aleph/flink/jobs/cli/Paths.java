package cloud.aleph.flink.jobs.cli;

import java.nio.file.Path;

/** Where the tool keeps its local data: under {@code .aleph/} of the checkout that bin/aleph runs from. */
final class Paths {

    private Paths() {}

    static Path home() {
        return Path.of(System.getProperty("aleph.home", ".")).toAbsolutePath().normalize();
    }

    /** Default data directory of {@code bin/aleph stack} and of the commands that talk to it. */
    static Path defaultStackDir() {
        return home().resolve(".aleph/stack");
    }

    /** Data directory of {@code bin/aleph demo}, emptied at the start of every demo. */
    static Path defaultDemoDir() {
        return home().resolve(".aleph/demo");
    }
}
