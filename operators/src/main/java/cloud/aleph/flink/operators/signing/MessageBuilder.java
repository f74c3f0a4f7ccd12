package cloud.aleph.flink.operators.signing;

import cloud.aleph.flink.operators.crypto.SignedPayload;
import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.PythonJson;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Builds a signed inline message envelope the way the Python SDK does (spec §2.2 "Canonical client
 * construction"): {@code item_content = json.dumps(content, separators=(",", ":"))} (ASCII-escaped,
 * insertion key order), {@code item_hash = sha256(item_content)}, then the signer signs
 * {@code chain\nsender\ntype\nitem_hash}. The content is used as given: set its {@code address}
 * and {@code time} as the message needs them.
 */
public final class MessageBuilder {

    private final MessageType type;
    private final ObjectNode content;
    private String channel;
    private double time = Double.NaN;

    private MessageBuilder(MessageType type, ObjectNode content) {
        this.type = Objects.requireNonNull(type);
        this.content = Objects.requireNonNull(content);
    }

    public static MessageBuilder of(MessageType type, ObjectNode content) {
        return new MessageBuilder(type, content);
    }

    /** Envelope channel; absent (null) unless set. */
    public MessageBuilder channel(String channel) {
        this.channel = channel;
        return this;
    }

    /** Envelope time in Unix seconds; required. */
    public MessageBuilder time(double time) {
        this.time = time;
        return this;
    }

    /** The item_content this builder writes for its content. */
    public String itemContent() {
        return PythonJson.compact(content);
    }

    /** Signs and returns the envelope as JSON text. */
    public String build(MessageSigner signer) {
        if (Double.isNaN(time)) {
            throw new IllegalStateException("time is required");
        }
        String itemContent = itemContent();
        String itemHash = ItemHashes.sha256Hex(itemContent);
        String signature = signer.sign(
                new SignedPayload(signer.chain(), signer.address(), type.wire(), itemHash, null, time).verificationBuffer());
        ObjectNode envelope = AlephJson.nodes().objectNode();
        envelope.put("sender", signer.address());
        envelope.put("chain", signer.chain().wire());
        envelope.put("type", type.wire());
        envelope.put("time", time);
        if (channel != null) {
            envelope.put("channel", channel);
        }
        envelope.put("item_type", ItemType.INLINE.wire());
        envelope.put("item_content", itemContent);
        envelope.put("item_hash", itemHash);
        envelope.put("signature", signature);
        return PythonJson.spaced(envelope);
    }
}
