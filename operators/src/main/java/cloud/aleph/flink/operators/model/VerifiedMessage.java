package cloud.aleph.flink.operators.model;

/**
 * A message whose envelope, content format, item_hash and signature passed the checks the
 * reference runs before state (spec §1.2, §2.2, §3).
 *
 * @param itemHash the message identity
 * @param chain claimed chain
 * @param sender signer address, as received
 * @param type message type
 * @param itemType where the content lives
 * @param itemContent the exact received content string for inline messages, else null
 * @param signature signature as received; absent (null) or empty only for an unsigned message of the trusted input
 * @param time envelope time in Unix seconds (unsigned by the sender's key)
 * @param channel channel as received, or null
 * @param owner content.address (the owner of the resource), or null when the content is not inline
 * @param contentTime content.time in Unix seconds (signed through the hash), or null when not inline
 * @param size content size: code points of item_content for inline messages, else 0 until fetched
 * @param partition source partition it was read from ({@link SourcePartitions})
 * @param offset Kafka offset it was read from
 * @param receivedMillis Kafka timestamp of the record
 */
public record VerifiedMessage(
        String itemHash,
        Chain chain,
        String sender,
        MessageType type,
        ItemType itemType,
        String itemContent,
        String signature,
        double time,
        String channel,
        String owner,
        Double contentTime,
        int size,
        int partition,
        long offset,
        long receivedMillis) {}
