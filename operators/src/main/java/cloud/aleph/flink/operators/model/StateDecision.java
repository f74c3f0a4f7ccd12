package cloud.aleph.flink.operators.model;

/**
 * The agreed state's verdict on one message, from the operator that owns the message's owner.
 *
 * @param itemHash the message
 * @param status PENDING (waiting on a dependency), PROCESSED, REJECTED or FORGOTTEN
 * @param errorCode the code of the rule it fails or waits on, else null
 * @param reason why, in words, else null
 * @param forgottenBy comma-separated hashes of the FORGETs that forget it, else null
 */
public record StateDecision(String itemHash, MessageStatus status, Integer errorCode, String reason, String forgottenBy) {}
