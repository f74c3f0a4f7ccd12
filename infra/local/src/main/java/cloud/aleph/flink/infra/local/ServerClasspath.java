package cloud.aleph.flink.infra.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The Maven-resolved classpath of a server, read from the resource {@code aleph-stack/<name>.classpath}
 * that the modules under {@code infra/local/runtimes} build.
 */
final class ServerClasspath {

    private ServerClasspath() {}

    static List<Path> of(String runtime) {
        String resource = "aleph-stack/" + runtime + ".classpath";
        String text;
        try (InputStream in = ServerClasspath.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new StackException("resource " + resource + " is not on the classpath: "
                        + "depend on cloud.aleph.flink:aleph-runtime-" + runtime
                        + " (it comes with aleph-infra-local)");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new StackException("cannot read resource " + resource, e);
        }
        List<Path> entries = new ArrayList<>();
        for (String entry : text.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.trim());
            if (!Files.exists(path)) {
                throw new StackException(runtime + " classpath entry " + path + " does not exist: "
                        + "rebuild infra/local/runtimes with mvn install so the local repository has it");
            }
            entries.add(path);
        }
        if (entries.isEmpty()) {
            throw new StackException("resource " + resource + " is empty");
        }
        return entries;
    }

    /** Where this module's classes are (a directory or a jar): the guard class must be on every child's classpath. */
    static Path ownLocation() {
        CodeSource source = ChildProcessGuard.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new StackException("cannot locate the classes of " + ChildProcessGuard.class.getName());
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new StackException("cannot locate the classes of " + ChildProcessGuard.class.getName(), e);
        }
    }
}
