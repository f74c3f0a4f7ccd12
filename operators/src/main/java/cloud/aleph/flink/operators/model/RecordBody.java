package cloud.aleph.flink.operators.model;

/**
 * A record of an input topic as the agreement reads it before any CCN has spoken: the envelope
 * checked for format and item_hash but not for its signature (that is what the CCNs attest), and
 * what its rejection record would be if the CCNs reject it.
 *
 * @param parsed the record parsed without its signature checked: a message, or a format rejection
 * @param rejectionId sha256 of the raw bytes
 * @param raw the raw input as text (cut as in {@link Rejection})
 * @param rawLength length of the raw input in bytes
 */
public record RecordBody(Verdict parsed, String rejectionId, String raw, int rawLength) {

    public int partition() {
        return parsed.isAccepted() ? parsed.accepted().partition() : parsed.rejected().partition();
    }

    public long offset() {
        return parsed.isAccepted() ? parsed.accepted().offset() : parsed.rejected().offset();
    }

    /** {@code partition:offset}, the identity of a record across CCNs. */
    public String recordKey() {
        return partition() + ":" + offset();
    }
}
