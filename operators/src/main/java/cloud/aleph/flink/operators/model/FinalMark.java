package cloud.aleph.flink.operators.model;

/**
 * A message that lies in an epoch a majority of CCNs signed the same root for.
 *
 * @param itemHash the message
 * @param epoch the epoch id, {@code partition:start-end}
 */
public record FinalMark(String itemHash, String epoch) {}
