package cloud.aleph.flink.operators.model;

/**
 * Something the consensus operators record about a CCN for the operators of the network: a verdict
 * that disagrees with the agreed one, or an epoch root that differs from the majority's.
 *
 * @param kind what happened
 * @param ccn the CCN concerned
 * @param subject {@code partition:offset} of the record (disagreement) or the epoch id (divergence)
 * @param itemHash the record's item_hash when known
 * @param ccnSays the CCN's verdict ("valid", "invalid N") or root
 * @param agreed the agreed verdict or the majority's root
 * @param atMillis when it was noticed
 */
public record ConsensusNote(
        Kind kind, String ccn, String subject, String itemHash, String ccnSays, String agreed, long atMillis) {

    public enum Kind {
        DISAGREEMENT,
        DIVERGENCE
    }
}
