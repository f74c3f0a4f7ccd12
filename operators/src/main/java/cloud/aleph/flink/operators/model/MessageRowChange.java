package cloud.aleph.flink.operators.model;

/**
 * The rows of one message's kept copy (messages, by sender, by owner, by type) to write or to
 * remove, at a version that grows per item_hash.
 *
 * @param message the kept copy
 * @param remove true to delete the rows (the message was forgotten or lost its validity)
 * @param version write timestamp of every statement
 * @param supersededSender when rows are written for a copy that replaces another: the replaced
 *     copy's sender if its by-sender row must go, else null
 * @param supersededTime the replaced copy's envelope time, else null
 */
public record MessageRowChange(
        VerifiedMessage message, boolean remove, long version, String supersededSender, Double supersededTime) {}
