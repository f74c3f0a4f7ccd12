package cloud.aleph.flink.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void newDirectoryGetsDistinctFreePortsAndRandomCredentials() throws Exception {
        StackSettings settings = StackSettings.loadOrCreate(dataDir);

        Set<Integer> ports = Set.of(settings.kafkaPort(), settings.kafkaControllerPort(),
                settings.cassandraNativePort(), settings.cassandraStoragePort(), settings.s3Port());
        assertThat(ports).hasSize(5).allMatch(LoopbackPorts::isFree);
        assertThat(settings.s3AccessKey()).hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(settings.s3SecretKey()).hasSize(40).matches("[A-Za-z0-9]+");
        assertThat(Base64.getUrlDecoder().decode(settings.kafkaClusterId())).hasSize(16);
        assertThat(settings.kafkaClusterId()).hasSize(22).doesNotStartWith("-");

        StackSettings other = StackSettings.loadOrCreate(Files.createDirectories(dataDir.resolve("other")));
        assertThat(other.s3SecretKey()).isNotEqualTo(settings.s3SecretKey());
        assertThat(other.kafkaClusterId()).isNotEqualTo(settings.kafkaClusterId());
    }

    @Test
    void savedSettingsAreReusedAndReadableByTheOwnerOnly() throws Exception {
        StackSettings first = StackSettings.loadOrCreate(dataDir);

        StackSettings second = StackSettings.loadOrCreate(dataDir);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(StackSettings.FILE_NAME)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aSavedPortTakenByAnotherProcessIsReplaced() throws Exception {
        StackSettings first = StackSettings.loadOrCreate(dataDir);

        StackSettings second;
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(LoopbackPorts.loopback(), first.kafkaPort()));
            second = StackSettings.loadOrCreate(dataDir);
        }

        assertThat(second.kafkaPort()).isNotEqualTo(first.kafkaPort());
        assertThat(second.cassandraNativePort()).isEqualTo(first.cassandraNativePort());
        assertThat(second.s3SecretKey()).isEqualTo(first.s3SecretKey());
        assertThat(StackSettings.loadOrCreate(dataDir).kafkaPort()).as("the new port is saved").isEqualTo(second.kafkaPort());
    }
}
