package cloud.aleph.flink.operators.validation;

import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An envelope that passed the intake checks (spec §1.2, §3.3); the signature itself is not checked yet.
 *
 * @param itemHash item_hash as received
 * @param chain claimed chain
 * @param sender claimed signer address, as received
 * @param type message type
 * @param itemType given or inferred item type
 * @param itemContent exact received item_content for inline messages, else null
 * @param content item_content parsed with the reference's JSON dialect (inline only), else null
 * @param signature signature as received: non-empty, or absent (null) or empty when no signature was required
 * @param time envelope time in Unix seconds
 * @param channel channel as received, or null
 */
public record ParsedEnvelope(
        String itemHash,
        Chain chain,
        String sender,
        MessageType type,
        ItemType itemType,
        String itemContent,
        JsonNode content,
        String signature,
        double time,
        String channel)
        implements EnvelopeResult {}
