package cloud.aleph.flink.operators.model;

/**
 * The rows of one message's kept copy (messages, by sender, by owner, by type) to write or to
 * remove, at a version that grows per item_hash.
 *
 * @param message the kept copy
 * @param remove true to delete the rows (the message was forgotten or lost its validity)
 * @param version write timestamp of every statement
 * @param replaced when rows are written for a copy that replaces another whose rows exist: that
 *     copy (its rows keyed by sender, time or channel must go), else null
 */
public record MessageRowChange(VerifiedMessage message, boolean remove, long version, VerifiedMessage replaced) {}
