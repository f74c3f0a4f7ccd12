package cloud.aleph.flink.operators.json;

/** Text that the reference's JSON dialect refuses (spec §1.2); the message is rejected with INVALID_FORMAT. */
public final class AlephJsonException extends Exception {

    private static final long serialVersionUID = 1L;

    public AlephJsonException(String reason) {
        super(reason);
    }
}
