package cloud.aleph.flink.operators.content;

/** The content of a message does not match the schema of its type; the reference rejects it with INVALID_FORMAT. */
public final class ContentFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public ContentFormatException(String reason) {
        super(reason);
    }
}
