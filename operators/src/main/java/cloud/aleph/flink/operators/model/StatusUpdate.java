package cloud.aleph.flink.operators.model;

/**
 * A change of a message's status, emitted by the single operator that owns the status of that
 * item_hash. {@code version} grows by one with every change of the same item_hash; writers use it
 * as the write timestamp so that a late or replayed older update can never overwrite a newer one.
 *
 * @param itemHash message identity
 * @param status new status
 * @param errorCode reference error code when rejected, else null
 * @param reason why, when rejected, else null
 * @param version per-item_hash sequence number of this change, starting at 1
 * @param updatedMillis time of the input that caused the change
 * @param epoch for a final message, the epoch whose root a majority of CCNs signed, else null
 */
public record StatusUpdate(
        String itemHash, MessageStatus status, Integer errorCode, String reason, long version, long updatedMillis,
        String epoch) {

    /** A change that is not about finality. */
    public StatusUpdate(String itemHash, MessageStatus status, Integer errorCode, String reason, long version, long updatedMillis) {
        this(itemHash, status, errorCode, reason, version, updatedMillis, null);
    }
}
