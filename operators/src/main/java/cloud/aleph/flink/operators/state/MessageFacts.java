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
import java.util.List;

/**
 * What the state rules need to know of one accepted message, read once from its content (which
 * the verification step already validated against the schema of its type).
 *
 * @param hash item_hash
 * @param type message type
 * @param sender signer, as received
 * @param chain chain wire value
 * @param channel channel, or null
 * @param owner content.address, or null when the content is not available (non-inline)
 * @param contentTime content.time
 * @param postType POST content.type, else null
 * @param ref POST effective ref, or STORE content.ref, else null
 * @param aggregateKey AGGREGATE key as the reference stores it, else null
 * @param body POST content.content or AGGREGATE content.content (may be null)
 * @param fileHash STORE content.item_hash, else null
 * @param forgetHashes FORGET hashes, else empty
 * @param forgetAggregates FORGET aggregate keys, else empty
 * @param replaces PROGRAM/INSTANCE replaces, else null
 * @param allowAmend PROGRAM/INSTANCE allow_amend
 * @param volumes PROGRAM/INSTANCE files it needs, else empty
 */
public record MessageFacts(
        String hash,
        MessageType type,
        String sender,
        String chain,
        String channel,
        String owner,
        double contentTime,
        String postType,
        String ref,
        String aggregateKey,
        JsonNode body,
        String fileHash,
        List<String> forgetHashes,
        List<String> forgetAggregates,
        String replaces,
        boolean allowAmend,
        List<VolumeRef> volumes) {

    /** The post type that marks an amend (spec §4.1). */
    public static final String AMEND = "amend";

    public boolean contentAvailable() {
        return owner != null;
    }

    public boolean isAmend() {
        return type == MessageType.POST && AMEND.equals(postType);
    }

    public boolean isVm() {
        return type == MessageType.PROGRAM || type == MessageType.INSTANCE;
    }

    /** Reads the facts of a message; content that is not inline is not available here. */
    public static MessageFacts of(VerifiedMessage message) {
        if (message.itemType() != ItemType.INLINE || message.itemContent() == null) {
            return new MessageFacts(message.itemHash(), message.type(), message.sender(), message.chain().wire(),
                    message.channel(), null, 0, null, null, null, null, null, List.of(), List.of(), null, false, List.of());
        }
        JsonNode content;
        try {
            content = AlephJson.parse(message.itemContent());
        } catch (AlephJsonException e) {
            throw new IllegalArgumentException("content of verified message " + message.itemHash() + " does not parse", e);
        }
        MessageType type = message.type();
        String postType = type == MessageType.POST ? text(content, "type") : null;
        String ref = switch (type) {
            case POST -> PostRef.effectiveRef(content).orElse(null);
            case STORE -> text(content, "ref");
            default -> null;
        };
        return new MessageFacts(
                message.itemHash(),
                type,
                message.sender(),
                message.chain().wire(),
                message.channel(),
                content.get("address").asText(),
                laxTime(content.get("time")),
                postType,
                ref,
                type == MessageType.AGGREGATE ? AggregateKey.effectiveKey(content) : null,
                type == MessageType.POST || type == MessageType.AGGREGATE ? content.get("content") : null,
                type == MessageType.STORE ? text(content, "item_hash") : null,
                type == MessageType.FORGET ? texts(content.get("hashes")) : List.of(),
                type == MessageType.FORGET ? texts(content.get("aggregates")) : List.of(),
                type == MessageType.PROGRAM || type == MessageType.INSTANCE ? text(content, "replaces") : null,
                content.path("allow_amend").asBoolean(false),
                volumesOf(type, content));
    }

    /**
     * content.time as pydantic's lax float reads it (the schema accepted it): a number, a numeric
     * string or a boolean; {@code -0.0} counts as {@code 0.0} so that it sorts with it.
     */
    private static double laxTime(JsonNode time) {
        double value;
        if (time.isNumber()) {
            value = time.doubleValue();
        } else if (time.isBoolean()) {
            value = time.booleanValue() ? 1 : 0;
        } else {
            value = Double.parseDouble(time.asText().trim().replace("_", ""));
        }
        return value + 0.0;
    }

    /** Files a VM needs, with the reference's use_latest defaults (spec §4.5, §6.8). */
    private static List<VolumeRef> volumesOf(MessageType type, JsonNode content) {
        List<VolumeRef> refs = new ArrayList<>();
        if (type == MessageType.PROGRAM) {
            addRef(refs, content.get("code"), false);
            addRef(refs, content.get("runtime"), true);
            addRef(refs, content.get("data"), false);
        } else if (type == MessageType.INSTANCE) {
            JsonNode rootfs = content.get("rootfs");
            addRef(refs, rootfs == null ? null : rootfs.get("parent"), true);
        } else {
            return List.of();
        }
        JsonNode volumes = content.get("volumes");
        if (volumes != null && volumes.isArray()) {
            for (JsonNode volume : volumes) {
                if (volume.has("ref")) {
                    addRef(refs, volume, true); // immutable volume
                } else if (volume.has("parent")) {
                    addRef(refs, volume.get("parent"), true); // persistent volume with a parent
                }
            }
        }
        return List.copyOf(refs);
    }

    private static void addRef(List<VolumeRef> refs, JsonNode holder, boolean useLatestDefault) {
        if (holder == null || !holder.isObject() || !holder.path("ref").isTextual()) {
            return;
        }
        JsonNode useLatest = holder.get("use_latest");
        refs.add(new VolumeRef(holder.get("ref").textValue(),
                useLatest == null || useLatest.isNull() ? useLatestDefault : useLatest.asBoolean()));
    }

    private static String text(JsonNode content, String field) {
        JsonNode node = content.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(node -> values.add(node.asText()));
        }
        return List.copyOf(values);
    }
}
