package cloud.aleph.flink.operators.model;

/**
 * A message that was refused, with the reference's error code and a human-readable reason.
 *
 * @param rejectionId stable identity of this rejected input: sha256 hex of the raw bytes, so that
 *     replaying the same bad input rewrites the same record and distinct bad copies of one
 *     item_hash are all kept
 * @param itemHash the claimed item_hash when one could be read, else null
 * @param errorCode reference error code
 * @param reason why, in words
 * @param sender claimed sender when readable, else null
 * @param chain claimed chain string when readable (may be an unknown value), else null
 * @param type claimed type string when readable, else null
 * @param raw the raw input as text, cut to {@link #MAX_RAW_CHARS} characters
 * @param rawLength length of the raw input in bytes
 * @param partition source partition ({@link SourcePartitions}), or -1 when not read from Kafka
 * @param offset Kafka offset, or -1 when not read from Kafka
 * @param receivedMillis Kafka timestamp of the raw record
 */
public record Rejection(
        String rejectionId,
        String itemHash,
        ErrorCode errorCode,
        String reason,
        String sender,
        String chain,
        String type,
        String raw,
        int rawLength,
        int partition,
        long offset,
        long receivedMillis) {

    /** Raw input kept with a rejection; longer input is cut (its length is kept). */
    public static final int MAX_RAW_CHARS = 65_536;
}
