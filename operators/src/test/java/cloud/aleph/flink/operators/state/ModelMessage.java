package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.content.AggregateKey;
import cloud.aleph.flink.operators.content.PostRef;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.AlephJsonException;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One accepted message as the model sees it: the kept copy, its parsed content (null when the
 * content is not inline) and the content facts the rules read.
 *
 * @param copy the kept copy (smallest by CopyKey)
 * @param content parsed {@code item_content}, or null for storage/ipfs messages
 * @param ctime {@code content.time} (see {@link LaxValues#contentTime}), NaN when not inline
 */
record ModelMessage(VerifiedMessage copy, JsonNode content, double ctime) {

    /** Security aggregate key. */
    static final String SECURITY_KEY = "security";

    /** Ascending {@code (ctime, hash)}. */
    static final Comparator<ModelMessage> CANONICAL =
            Comparator.comparingDouble(ModelMessage::ctime).thenComparing(ModelMessage::hash);

    static ModelMessage of(VerifiedMessage copy) {
        if (copy.itemType() != ItemType.INLINE) {
            return new ModelMessage(copy, null, Double.NaN);
        }
        JsonNode content;
        try {
            content = AlephJson.parse(copy.itemContent());
        } catch (AlephJsonException e) {
            throw new IllegalStateException("verified inline content does not parse: " + copy.itemHash(), e);
        }
        return new ModelMessage(copy, content, LaxValues.contentTime(content));
    }

    String hash() {
        return copy.itemHash();
    }

    MessageType type() {
        return copy.type();
    }

    String sender() {
        return copy.sender();
    }

    String chain() {
        return copy.chain().wire();
    }

    String channel() {
        return copy.channel();
    }

    boolean inline() {
        return content != null;
    }

    /** {@code content.address}; null when the content is not inline. */
    String owner() {
        return content == null ? null : content.get("address").textValue();
    }

    /** Sender and owner are the same account (ASCII case-insensitive). */
    boolean sentByOwner() {
        return Ascii.lower(sender()).equals(Ascii.lower(owner()));
    }

    // ---- POST

    /** {@code content.type} of a POST. */
    String postType() {
        return content.get("type").textValue();
    }

    boolean isAmend() {
        return type() == MessageType.POST && "amend".equals(postType());
    }

    /** The effective ref of an amend (the original's hash). */
    String amendedHash() {
        return PostRef.effectiveRef(content).orElseThrow(() -> new IllegalStateException("an amend has a ref"));
    }

    // ---- AGGREGATE

    String aggregateKey() {
        return AggregateKey.effectiveKey(content);
    }

    /** An AGGREGATE with key {@code security} sent by its owner: an element of the owner's delegations. */
    boolean isSecurityElement() {
        return type() == MessageType.AGGREGATE && SECURITY_KEY.equals(aggregateKey()) && sentByOwner();
    }

    // ---- STORE

    /** {@code content.ref} of a STORE, null when absent. */
    String storeRef() {
        return textOrNull(content.get("ref"));
    }

    /** {@code content.item_hash} of a STORE: the pinned file. */
    String fileHash() {
        return content.get("item_hash").textValue();
    }

    // ---- PROGRAM / INSTANCE

    boolean isVm() {
        return type() == MessageType.PROGRAM || type() == MessageType.INSTANCE;
    }

    /** {@code content.replaces}, null when absent. */
    String replaces() {
        return textOrNull(content.get("replaces"));
    }

    boolean allowAmend() {
        return LaxValues.bool(content, "allow_amend", false);
    }

    // ---- FORGET

    List<String> forgetHashes() {
        return texts(content.get("hashes"));
    }

    List<String> forgetAggregates() {
        return texts(content.get("aggregates"));
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.textValue();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> texts.add(item.textValue()));
        }
        return texts;
    }
}
