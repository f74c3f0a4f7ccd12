package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.model.CopyKey;
import cloud.aleph.flink.operators.model.MessageStatus;

/**
 * What the status operator remembers per item_hash: the status, the kept copy (when accepted),
 * the rejection that the status shows (when rejected), and the last write version.
 */
public record MessageStatusState(
        MessageStatus status, CopyKey keptCopy, String rejectionId, long version) {

    /** Next write version: above the last one, and at least the input's timestamp in microseconds so that
     * versions keep growing even after this state expired and was created anew. */
    static long nextVersion(MessageStatusState state, long inputTimestampMillis) {
        long floor = Math.max(0, inputTimestampMillis) * 1000;
        return state == null ? Math.max(1, floor) : Math.max(state.version + 1, floor);
    }
}
