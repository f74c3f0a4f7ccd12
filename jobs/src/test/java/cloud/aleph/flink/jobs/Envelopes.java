package cloud.aleph.flink.jobs;

import cloud.aleph.flink.operators.crypto.SignedPayload;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.signing.MessageBuilder;
import cloud.aleph.flink.operators.signing.MessageSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Signed envelopes built the way the SDKs build them, and the edits that break them after signing. */
final class Envelopes {

    static final String CHANNEL = "ALEPH-FLINK-IT";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {}

    /** A signed inline POST whose content body is {@code body}. */
    static String post(MessageSigner signer, double time, String body) {
        return MessageBuilder.of(MessageType.POST, postContent(signer, time, body)).channel(CHANNEL).time(time).build(signer);
    }

    /** A signed inline POST whose item_content is exactly {@code codePoints} characters long. */
    static String postOfLength(MessageSigner signer, double time, int codePoints) {
        int overhead = MessageBuilder.of(MessageType.POST, postContent(signer, time, "")).itemContent().length();
        String json = post(signer, time, "x".repeat(codePoints - overhead));
        String itemContent = parse(json).get("item_content").textValue();
        if (itemContent.codePointCount(0, itemContent.length()) != codePoints) {
            throw new IllegalStateException("item_content has " + itemContent.length() + " characters, not " + codePoints);
        }
        return json;
    }

    /** A signed inline AGGREGATE of key {@code key}. */
    static String aggregate(MessageSigner signer, double time, String key, String value) {
        ObjectNode content = JSON.createObjectNode();
        content.put("address", signer.address());
        content.put("time", time);
        content.put("key", key);
        content.putObject("content").put("value", value);
        return MessageBuilder.of(MessageType.AGGREGATE, content).channel(CHANNEL).time(time).build(signer);
    }

    /**
     * A signed STORE message whose content is not inline: item_type storage and item_hash the
     * sha256 of the content held elsewhere, so the job has nothing to put in the object store.
     */
    static String storageStore(MessageSigner signer, double time, String contentSha256) {
        String signature = signer.sign(new SignedPayload(
                signer.chain(), signer.address(), MessageType.STORE.wire(), contentSha256, null, time).verificationBuffer());
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("sender", signer.address());
        envelope.put("chain", signer.chain().wire());
        envelope.put("type", MessageType.STORE.wire());
        envelope.put("time", time);
        envelope.put("channel", CHANNEL);
        envelope.put("item_type", ItemType.STORAGE.wire());
        envelope.put("item_hash", contentSha256);
        envelope.put("signature", signature);
        return envelope.toString();
    }

    /** The envelope with one string field replaced (after signing). */
    static String with(String json, String field, String value) {
        ObjectNode envelope = parse(json);
        envelope.put(field, value);
        return envelope.toString();
    }

    /** The envelope without one field. */
    static String without(String json, String field) {
        ObjectNode envelope = parse(json);
        if (envelope.remove(field) == null) {
            throw new IllegalArgumentException("no field " + field);
        }
        return envelope.toString();
    }

    static String field(String json, String field) {
        return parse(json).get(field).textValue();
    }

    /** Changes one character in the middle of a signature (hex or the base58 inside a SOL signature). */
    static String tamperSignature(String json) {
        String signature = field(json, "signature");
        String marker = "\"signature\": \"";
        int at = signature.startsWith("{") ? signature.indexOf(marker) + marker.length() + 20 : 20;
        char replacement = signature.charAt(at) == 'A' ? 'B' : 'A';
        if (!signature.startsWith("{")) {
            replacement = signature.charAt(at) == 'a' ? 'b' : 'a';
        }
        return with(json, "signature", signature.substring(0, at) + replacement + signature.substring(at + 1));
    }

    /** Changes the last character of a field. */
    static String tamperLastChar(String json, String field) {
        String text = field(json, field);
        char last = text.charAt(text.length() - 1);
        char replacement = last == 'a' ? 'b' : (last == 'A' ? 'B' : 'a');
        return with(json, field, text.substring(0, text.length() - 1) + replacement);
    }

    private static ObjectNode postContent(MessageSigner signer, double time, String body) {
        ObjectNode content = JSON.createObjectNode();
        content.put("address", signer.address());
        content.put("time", time);
        content.put("type", "it-note");
        content.putObject("content").put("body", body);
        return content;
    }

    private static ObjectNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return (ObjectNode) node;
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JSON object: " + json, e);
        }
    }
}
