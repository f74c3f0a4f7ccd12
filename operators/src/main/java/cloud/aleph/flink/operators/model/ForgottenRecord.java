package cloud.aleph.flink.operators.model;

/**
 * The record kept of a forgotten message (its content is gone): who forgot it and what it was.
 *
 * @param itemHash the forgotten message
 * @param forgottenBy comma-separated hashes of the FORGETs that forget it
 * @param owner its content.address
 * @param type its type wire value
 * @param sender, chain, channel, time its envelope fields
 * @param remove true when the message is no longer forgotten (a FORGET lost its effect)
 * @param version write timestamp, growing per item_hash
 */
public record ForgottenRecord(String itemHash, String forgottenBy, String owner, String type, String sender,
        String chain, String channel, double time, boolean remove, long version) {}
