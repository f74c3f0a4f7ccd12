package cloud.aleph.flink.operators.model;

/**
 * The copy of an accepted message that the agreed state keeps, and the version its rows are
 * written at. Copies of one item_hash may differ in unsigned or independently signed fields
 * (time, channel, signature, sender); the state keeps the smallest copy by
 * {@link CopyKey}, so the stored copy does not depend on which copy arrived first.
 *
 * @param message the kept copy
 * @param version write timestamp of its rows (grows with every change of the item_hash)
 * @param supersededSender sender of the previously kept copy when its by-sender row must be
 *     removed (its sender or time differs from the kept copy's), else null
 * @param supersededTime envelope time of that previously kept copy, else null
 */
public record AcceptedCopy(
        VerifiedMessage message, long version, String supersededSender, Double supersededTime) {

    public boolean supersedesAnotherCopy() {
        return supersededSender != null;
    }
}
