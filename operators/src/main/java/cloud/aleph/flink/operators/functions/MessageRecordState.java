package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.model.VerifiedMessage;

/**
 * What the record operator remembers per item_hash.
 *
 * @param copy the kept copy, or null while the hash only has rejected copies
 * @param rejectionCode, rejectionReason the rejection shown when there is no valid copy
 * @param decisionStatus, decisionCode, decisionReason, forgottenBy the agreed state's last decision, or null
 * @param shownStatus, shownCode, shownReason the status last written
 * @param rowsOf the copy whose message rows are written, or null when none are
 * @param epoch the finalised epoch the message lies in, or null
 * @param version last write version
 */
public record MessageRecordState(
        VerifiedMessage copy,
        Integer rejectionCode,
        String rejectionReason,
        String decisionStatus,
        Integer decisionCode,
        String decisionReason,
        String forgottenBy,
        String shownStatus,
        Integer shownCode,
        String shownReason,
        VerifiedMessage rowsOf,
        String epoch,
        long version) {}
