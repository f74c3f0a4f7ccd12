package cloud.aleph.flink.connectors.s3;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * An object to put into the store.
 *
 * @param key content-addressed key ({@link ObjectKeys})
 * @param bytes the content
 * @param contentType MIME type sent with the upload
 */
public record StoredObject(String key, byte[] bytes, String contentType) implements Serializable {

    private static final long serialVersionUID = 1L;

    public StoredObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredObject that
                && key.equals(that.key)
                && contentType.equals(that.contentType)
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, contentType, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "StoredObject[key=" + key + ", " + bytes.length + " bytes, contentType=" + contentType + "]";
    }
}
