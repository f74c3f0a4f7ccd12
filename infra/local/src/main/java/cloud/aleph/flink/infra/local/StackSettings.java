package cloud.aleph.flink.infra.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * Ports and credentials of one data directory, kept in {@value #FILE_NAME} so a restart on the same
 * directory reuses them: Kafka and Cassandra remember their addresses, and clients keep working.
 * A remembered port that is taken by another process is replaced by a free one.
 */
record StackSettings(
        int kafkaPort,
        int kafkaControllerPort,
        int cassandraNativePort,
        int cassandraStoragePort,
        int s3Port,
        String s3AccessKey,
        String s3SecretKey,
        String kafkaClusterId) {

    static final String FILE_NAME = "stack-state.properties";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz";

    /** Reads the settings of {@code dataDir}, filling in what is missing or unusable, and saves them. */
    static StackSettings loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        Properties saved = read(file);
        Set<Integer> taken = new HashSet<>();
        StackSettings settings = new StackSettings(
                port(saved, "kafka.port", taken),
                port(saved, "kafka.controller.port", taken),
                port(saved, "cassandra.native.port", taken),
                port(saved, "cassandra.storage.port", taken),
                port(saved, "s3.port", taken),
                saved.getProperty("s3.access.key", randomKey(20)),
                saved.getProperty("s3.secret.key", randomKey(40)),
                saved.getProperty("kafka.cluster.id", randomKafkaClusterId()));
        settings.save(file);
        return settings;
    }

    private static int port(Properties saved, String key, Set<Integer> taken) {
        String value = saved.getProperty(key);
        if (value != null) {
            int port = Integer.parseInt(value.trim());
            if (!taken.contains(port) && LoopbackPorts.isFree(port)) {
                taken.add(port);
                return port;
            }
            System.out.println("aleph-stack: " + key + " " + port + " is in use, taking another port");
        }
        int port = LoopbackPorts.allocate(taken);
        taken.add(port);
        return port;
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new StackException("cannot read " + file, e);
            }
        }
        return properties;
    }

    private void save(Path file) {
        Properties properties = new Properties();
        properties.setProperty("kafka.port", Integer.toString(kafkaPort));
        properties.setProperty("kafka.controller.port", Integer.toString(kafkaControllerPort));
        properties.setProperty("cassandra.native.port", Integer.toString(cassandraNativePort));
        properties.setProperty("cassandra.storage.port", Integer.toString(cassandraStoragePort));
        properties.setProperty("s3.port", Integer.toString(s3Port));
        properties.setProperty("s3.access.key", s3AccessKey);
        properties.setProperty("s3.secret.key", s3SecretKey);
        properties.setProperty("kafka.cluster.id", kafkaClusterId);
        writeOwnerOnly(file, properties, "aleph embedded stack: ports and generated local credentials");
    }

    /** Writes a properties file readable by its owner only, since it may hold generated secrets. */
    static void writeOwnerOnly(Path file, Properties properties, String comment) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the directory's own permissions apply.
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, comment);
            }
        } catch (IOException e) {
            throw new StackException("cannot write " + file, e);
        }
    }

    static String randomKey(int length) {
        StringBuilder key = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            key.append(KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length())));
        }
        return key.toString();
    }

    /** 16 random bytes in URL-safe base64 (22 characters), the form Kafka's StorageTool expects. */
    static String randomKafkaClusterId() {
        while (true) {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            // A leading '-' would read as a command-line option.
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
