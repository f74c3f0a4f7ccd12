package cloud.aleph.flink.operators.model;

/**
 * What the operator that records each message hears about an item_hash: from the status operator
 * (a copy to keep, or a rejection at verification), from the agreed state (its decision), and
 * from the finality operator (the epoch it was finalised in). Exactly one field is set.
 */
public record MessageEvent(AcceptedCopy copy, StatusUpdate verificationRejection, StateDecision decision, FinalMark finalMark) {

    public static MessageEvent of(AcceptedCopy copy) {
        return new MessageEvent(copy, null, null, null);
    }

    public static MessageEvent of(StatusUpdate verificationRejection) {
        return new MessageEvent(null, verificationRejection, null, null);
    }

    public static MessageEvent of(StateDecision decision) {
        return new MessageEvent(null, null, decision, null);
    }

    public static MessageEvent of(FinalMark finalMark) {
        return new MessageEvent(null, null, null, finalMark);
    }

    public String itemHash() {
        if (copy != null) {
            return copy.message().itemHash();
        }
        if (verificationRejection != null) {
            return verificationRejection.itemHash();
        }
        return decision != null ? decision.itemHash() : finalMark.itemHash();
    }
}
