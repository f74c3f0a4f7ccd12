package cloud.aleph.flink.infra.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds the {@code java} executables for the child JVMs.
 *
 * <p>Kafka and S3Proxy run on the JVM that runs the stack. Cassandra 5.0 needs Java 17: on newer
 * JDKs it dies at start (it installs a SecurityManager), so a Java 17 runtime is looked up when
 * the current one is not 17.
 */
final class JavaRuntimes {

    static final int CASSANDRA_JAVA_FEATURE = 17;
    static final List<String> JAVA17_HOME_VARIABLES = List.of("ALEPH_JAVA17_HOME", "JAVA17_HOME");
    static final Path DEFAULT_JVM_DIRECTORY = Path.of("/usr/lib/jvm");

    private JavaRuntimes() {}

    /** The {@code java} of the JVM running this code. */
    static Path current() {
        return javaIn(Path.of(System.getProperty("java.home")));
    }

    /** The {@code java} to run Cassandra with. */
    static Path forCassandra() {
        return forCassandra(Runtime.version().feature(), Path.of(System.getProperty("java.home")),
                System.getenv(), DEFAULT_JVM_DIRECTORY);
    }

    /**
     * Picks, in order: the current runtime if it is Java 17, a home named by one of
     * {@link #JAVA17_HOME_VARIABLES}, a Java 17 JDK under {@code jvmDirectory}.
     *
     * <p>Java 11 is also supported by Cassandra but not by this module's guard class (Java 17
     * bytecode), so only 17 is accepted.
     */
    static Path forCassandra(int currentFeature, Path currentHome, Map<String, String> env,
            Path jvmDirectory) {
        if (currentFeature == CASSANDRA_JAVA_FEATURE) {
            return javaIn(currentHome);
        }
        List<String> rejected = new ArrayList<>();
        for (String variable : JAVA17_HOME_VARIABLES) {
            String home = env.get(variable);
            if (home == null || home.isBlank()) {
                continue;
            }
            Path homePath = Path.of(home);
            OptionalInt feature = featureVersion(homePath);
            if (feature.isPresent() && feature.getAsInt() == CASSANDRA_JAVA_FEATURE
                    && Files.isExecutable(javaIn(homePath))) {
                return javaIn(homePath);
            }
            rejected.add(variable + "=" + home + " (" + describe(homePath, feature) + ")");
        }
        Optional<Path> scanned = scan(jvmDirectory);
        if (scanned.isPresent()) {
            return scanned.get();
        }
        throw new StackException("cassandra needs a Java " + CASSANDRA_JAVA_FEATURE
                + " runtime but this JVM is Java " + currentFeature + "; set "
                + String.join(" or ", JAVA17_HOME_VARIABLES) + " to a JDK " + CASSANDRA_JAVA_FEATURE
                + " home or install one under " + jvmDirectory
                + (rejected.isEmpty() ? "" : "; not usable: " + String.join(", ", rejected)));
    }

    private static Optional<Path> scan(Path jvmDirectory) {
        if (!Files.isDirectory(jvmDirectory)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvmDirectory)) {
            return homes.sorted()
                    .filter(home -> featureVersion(home).orElse(-1) == CASSANDRA_JAVA_FEATURE)
                    .map(JavaRuntimes::javaIn)
                    .filter(Files::isExecutable)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads {@code JAVA_VERSION} from the {@code release} file every JDK and JRE home has. */
    static OptionalInt featureVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return OptionalInt.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "").trim();
        return parseFeature(version);
    }

    /** "17.0.15" → 17, "1.8.0_402" → 8, "25" → 25. */
    static OptionalInt parseFeature(String version) {
        String[] parts = version.split("[._+-]");
        try {
            int first = Integer.parseInt(parts[0]);
            if (first == 1 && parts.length > 1) {
                return OptionalInt.of(Integer.parseInt(parts[1]));
            }
            return OptionalInt.of(first);
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static String describe(Path home, OptionalInt feature) {
        if (feature.isEmpty()) {
            return "no readable release file";
        }
        if (feature.getAsInt() != CASSANDRA_JAVA_FEATURE) {
            return "Java " + feature.getAsInt();
        }
        return "no executable " + javaIn(home);
    }

    private static Path javaIn(Path javaHome) {
        return javaHome.resolve("bin").resolve("java");
    }
}
