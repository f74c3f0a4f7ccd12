package cloud.aleph.flink.connectors.sink;

/** A write that cannot succeed by retrying; thrown into the task so that the job fails loudly. */
public class SinkWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SinkWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
