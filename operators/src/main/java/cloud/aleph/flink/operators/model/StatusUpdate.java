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
 * @param updatedMillis Kafka timestamp of the input that caused the change (deterministic on replay)
 */
public record StatusUpdate(
        String itemHash, MessageStatus status, Integer errorCode, String reason, long version, long updatedMillis) {}
