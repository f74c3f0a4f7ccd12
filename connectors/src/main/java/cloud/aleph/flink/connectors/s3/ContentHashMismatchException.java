package cloud.aleph.flink.connectors.s3;

/** Bytes about to be stored do not hash to their key: a bug upstream, never a reason to store them. */
public class ContentHashMismatchException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ContentHashMismatchException(String key, String actualSha256) {
        super("refusing to store object " + key + ": its bytes hash to sha256 " + actualSha256);
    }
}
