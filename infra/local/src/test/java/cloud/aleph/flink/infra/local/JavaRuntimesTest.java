package cloud.aleph.flink.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {

    @TempDir
    Path tmp;

    @Test
    void usesTheCurrentRuntimeWhenItIsJava17() throws IOException {
        Path current = fakeHome("current", "17.0.15");

        assertThat(JavaRuntimes.forCassandra(17, current, Map.of(), tmp.resolve("none")))
                .isEqualTo(current.resolve("bin/java"));
    }

    @Test
    void prefersTheNamedJava17HomeOverTheScan() throws IOException {
        Path named = fakeHome("named", "17.0.2");
        Path jvms = Files.createDirectories(tmp.resolve("jvm"));
        fakeHome("jvm/a-17", "17.0.15");

        Path java = JavaRuntimes.forCassandra(25, tmp.resolve("temurin-25"),
                Map.of("JAVA17_HOME", named.toString()), jvms);

        assertThat(java).isEqualTo(named.resolve("bin/java"));
    }

    @Test
    void skipsNamedHomesThatAreNotJava17AndScansTheJvmDirectory() throws IOException {
        Path eleven = fakeHome("eleven", "11.0.20");
        Path jvms = Files.createDirectories(tmp.resolve("jvm"));
        fakeHome("jvm/a-temurin-25", "25.0.1");
        Path seventeen = fakeHome("jvm/b-openjdk-17", "17.0.15");
        Files.createDirectories(jvms.resolve("c-broken"));

        Path java = JavaRuntimes.forCassandra(25, jvms.resolve("a-temurin-25"),
                Map.of("ALEPH_JAVA17_HOME", eleven.toString()), jvms);

        assertThat(java).isEqualTo(seventeen.resolve("bin/java"));
    }

    @Test
    void failsWithAClearMessageWhenNoJava17Exists() throws IOException {
        Path eleven = fakeHome("eleven", "11.0.20");
        Path jvms = Files.createDirectories(tmp.resolve("jvm"));
        fakeHome("jvm/temurin-25", "25.0.1");

        assertThatThrownBy(() -> JavaRuntimes.forCassandra(25, jvms.resolve("temurin-25"),
                        Map.of("ALEPH_JAVA17_HOME", eleven.toString()), jvms))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("cassandra needs a Java 17 runtime but this JVM is Java 25")
                .hasMessageContaining("ALEPH_JAVA17_HOME or JAVA17_HOME")
                .hasMessageContaining("ALEPH_JAVA17_HOME=" + eleven + " (Java 11)");
    }

    @Test
    void readsFeatureVersions() {
        assertThat(JavaRuntimes.parseFeature("17.0.15")).isEqualTo(OptionalInt.of(17));
        assertThat(JavaRuntimes.parseFeature("25")).isEqualTo(OptionalInt.of(25));
        assertThat(JavaRuntimes.parseFeature("1.8.0_402")).isEqualTo(OptionalInt.of(8));
        assertThat(JavaRuntimes.parseFeature("17-ea")).isEqualTo(OptionalInt.of(17));
        assertThat(JavaRuntimes.parseFeature("unknown")).isEmpty();
    }

    @Test
    void theRuntimeRunningTheseTestsKnowsItsVersion() {
        assertThat(JavaRuntimes.featureVersion(Path.of(System.getProperty("java.home"))))
                .isEqualTo(OptionalInt.of(Runtime.version().feature()));
    }

    private Path fakeHome(String name, String version) throws IOException {
        Path home = Files.createDirectories(tmp.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
