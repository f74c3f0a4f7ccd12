package cloud.aleph.flink.operators.model;

/**
 * A change of one derived row of the agreed state (an aggregate, a merged post, a file tag, a VM,
 * a waiting message), from the operator that owns the rows of its owner.
 *
 * @param kind which table family the row belongs to
 * @param owner the owner (content.address) the row belongs to
 * @param key the row's key within the owner: aggregate key, original hash, tag or waiting hash
 * @param payload the row as a JSON object, or null when the row is deleted
 * @param previous the payload this change replaces, or null for a new row (a delete needs it
 *     for tables keyed by the row's own fields)
 * @param version write timestamp: grows with every change of the owner's rows
 */
public record StateRowChange(Kind kind, String owner, String key, String payload, String previous, long version) {

    public enum Kind {
        AGGREGATE,
        POST,
        TAG,
        VM,
        PENDING
    }

    public boolean deleted() {
        return payload == null;
    }
}
