package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.model.CopyKey;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accepted set {@code A} and the verification rejections, as {@code MessageStatusFunction}
 * decides them: per item_hash the valid copy that is smallest by {@link CopyKey}; for a hash
 * without any valid copy, its rejection with the smallest rejection id. Input without a readable
 * item_hash is dropped (it has no status).
 */
final class KeptCopies {

    final Map<String, VerifiedMessage> accepted = new TreeMap<>();
    final Map<String, Rejection> rejectedOnly = new TreeMap<>();

    static KeptCopies of(Collection<Verdict> verdicts) {
        KeptCopies copies = new KeptCopies();
        Map<String, Rejection> rejections = new TreeMap<>();
        for (Verdict verdict : verdicts) {
            if (verdict.isAccepted()) {
                copies.accepted.merge(verdict.accepted().itemHash(), verdict.accepted(),
                        (a, b) -> CopyKey.of(a).compareTo(CopyKey.of(b)) <= 0 ? a : b);
            } else if (verdict.rejected().itemHash() != null) {
                rejections.merge(verdict.rejected().itemHash(), verdict.rejected(),
                        (a, b) -> a.rejectionId().compareTo(b.rejectionId()) <= 0 ? a : b);
            }
        }
        rejections.forEach((hash, rejection) -> {
            if (!copies.accepted.containsKey(hash)) {
                copies.rejectedOnly.put(hash, rejection);
            }
        });
        return copies;
    }
}
