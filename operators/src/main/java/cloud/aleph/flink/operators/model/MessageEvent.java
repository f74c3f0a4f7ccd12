package cloud.aleph.flink.operators.model;

/**
 * What the operator that records each message hears about an item_hash, from two places: the
 * status operator (a copy to keep, or a rejection at verification) and the agreed state (its
 * decision). Exactly one field is set.
 */
public record MessageEvent(AcceptedCopy copy, StatusUpdate verificationRejection, StateDecision decision) {

    public static MessageEvent of(AcceptedCopy copy) {
        return new MessageEvent(copy, null, null);
    }

    public static MessageEvent of(StatusUpdate verificationRejection) {
        return new MessageEvent(null, verificationRejection, null);
    }

    public static MessageEvent of(StateDecision decision) {
        return new MessageEvent(null, null, decision);
    }

    public String itemHash() {
        return copy != null ? copy.message().itemHash()
                : verificationRejection != null ? verificationRejection.itemHash() : decision.itemHash();
    }
}
