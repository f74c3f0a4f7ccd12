package cloud.aleph.flink.jobs;

import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * The verdicts of a faulty CCN: every input its own checks reject (tampered, unsigned, not even
 * JSON) it calls valid, under the input's claimed item_hash or, when there is none, under its
 * rejection id. It then signs those attestations, and epoch digests whose leaves hold those
 * hashes, with its registered key: the worst a single member can do.
 */
final class NetworkByzantineVerdicts implements MapFunction<Verdict, Verdict> {

    private static final long serialVersionUID = 1L;

    /** The leaf this CCN puts in its epoch for a rejected input. */
    static String claimedHash(String itemHash, String rejectionId) {
        return itemHash != null ? itemHash : rejectionId;
    }

    @Override
    public Verdict map(Verdict verdict) {
        if (verdict.isAccepted()) {
            return verdict;
        }
        Rejection r = verdict.rejected();
        return Verdict.accept(new VerifiedMessage(claimedHash(r.itemHash(), r.rejectionId()), Chain.ETH, r.sender(),
                MessageType.POST, ItemType.INLINE, null, null, 0, null, null, null, 0, r.partition(), r.offset(),
                r.receivedMillis()));
    }
}
