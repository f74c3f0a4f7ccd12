package cloud.aleph.flink.infra.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the configuration files the servers read; rewritten on every start so they match the settings. */
final class ConfigFiles {

    private ConfigFiles() {}

    static Path write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new StackException("cannot write " + file, e);
        }
    }

    /** Copies a resource of this module under {@code aleph-stack/config/}. */
    static Path copyResource(String name, Path file) {
        String resource = "aleph-stack/config/" + name;
        try (InputStream in = ConfigFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new StackException("resource " + resource + " is missing from aleph-infra-local");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new StackException("cannot write " + file, e);
        }
    }
}
