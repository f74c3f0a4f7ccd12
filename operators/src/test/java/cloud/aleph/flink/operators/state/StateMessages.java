package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.conformance.Fixtures;
import cloud.aleph.flink.operators.crypto.SignedPayload;
import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.AlephJsonException;
import cloud.aleph.flink.operators.json.PythonJson;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.signing.MessageBuilder;
import cloud.aleph.flink.operators.signing.MessageSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Contents and really signed envelopes for the state tests and the convergence workload. Contents
 * are built key by key in the order the SDK writes them; PROGRAM and INSTANCE start from the
 * aleph-message templates of the conformance data.
 */
public final class StateMessages {

    private static final JsonNodeFactory NODES = AlephJson.nodes();
    private static final ObjectNode PROGRAM_TEMPLATE = templateContent(0);
    private static final ObjectNode INSTANCE_TEMPLATE = templateContent(2);

    /** A signed envelope and its item_hash. */
    public record Signed(String hash, String envelope) {}

    private StateMessages() {}

    public static ObjectNode base(String owner, double ctime) {
        ObjectNode content = NODES.objectNode();
        content.put("address", owner);
        content.put("time", ctime);
        return content;
    }

    public static ObjectNode post(String owner, double ctime, String postType, JsonNode body) {
        ObjectNode content = base(owner, ctime);
        content.put("type", postType);
        content.set("content", body);
        return content;
    }

    public static ObjectNode amend(String owner, double ctime, String original, JsonNode body) {
        ObjectNode content = post(owner, ctime, "amend", body);
        content.put("ref", original);
        return content;
    }

    public static ObjectNode aggregate(String owner, double ctime, String key, ObjectNode body) {
        ObjectNode content = base(owner, ctime);
        content.put("key", key);
        content.set("content", body);
        return content;
    }

    /** An AGGREGATE with the object form of the key, {@code {"name": name}}. */
    public static ObjectNode aggregateNamed(String owner, double ctime, String name, ObjectNode body) {
        ObjectNode content = base(owner, ctime);
        content.putObject("key").put("name", name);
        content.set("content", body);
        return content;
    }

    /** The owner's {@code security} aggregate element with these authorization entries. */
    public static ObjectNode security(String owner, double ctime, ObjectNode... entries) {
        ObjectNode body = NODES.objectNode();
        ArrayNode authorizations = body.putArray("authorizations");
        for (ObjectNode entry : entries) {
            authorizations.add(entry);
        }
        return aggregate(owner, ctime, ModelMessage.SECURITY_KEY, body);
    }

    /** An authorization entry for {@code delegate}; add filters with {@link #filter}. */
    public static ObjectNode delegate(String delegate) {
        ObjectNode entry = NODES.objectNode();
        entry.put("address", delegate);
        return entry;
    }

    public static ObjectNode filter(ObjectNode entry, String name, String... values) {
        ArrayNode list = entry.putArray(name);
        for (String value : values) {
            list.add(value);
        }
        return entry;
    }

    /** @param ref null for none */
    public static ObjectNode store(String owner, double ctime, String fileHash, String ref) {
        ObjectNode content = base(owner, ctime);
        content.put("item_type", ItemType.STORAGE.wire());
        content.put("item_hash", fileHash);
        if (ref != null) {
            content.put("ref", ref);
        }
        return content;
    }

    public static ObjectNode forget(String owner, double ctime, List<String> hashes, List<String> aggregates) {
        ObjectNode content = base(owner, ctime);
        ArrayNode hashList = content.putArray("hashes");
        hashes.forEach(hashList::add);
        if (!aggregates.isEmpty()) {
            ArrayNode keyList = content.putArray("aggregates");
            aggregates.forEach(keyList::add);
        }
        return content;
    }

    /**
     * A PROGRAM from the machine.json template: code and runtime refs as given (use_latest false),
     * no data, only an ephemeral volume, no {@code replaces}, {@code allow_amend} true.
     */
    public static ObjectNode program(String owner, double ctime, String codeRef, String runtimeRef) {
        ObjectNode content = PROGRAM_TEMPLATE.deepCopy();
        content.put("address", owner);
        content.put("time", ctime);
        content.put("allow_amend", true);
        content.remove("replaces");
        content.remove("data");
        ((ObjectNode) content.get("code")).put("ref", codeRef).put("use_latest", false);
        ((ObjectNode) content.get("runtime")).put("ref", runtimeRef).put("use_latest", false);
        onlyEphemeralVolume(content);
        return content;
    }

    /**
     * An INSTANCE from the instance template: rootfs parent as given (use_latest false), only an
     * ephemeral volume, no {@code replaces}, {@code allow_amend} true.
     */
    public static ObjectNode instance(String owner, double ctime, String rootfsRef) {
        ObjectNode content = INSTANCE_TEMPLATE.deepCopy();
        content.put("address", owner);
        content.put("time", ctime);
        content.put("allow_amend", true);
        content.remove("replaces");
        ((ObjectNode) content.get("rootfs").get("parent")).put("ref", rootfsRef).put("use_latest", false);
        onlyEphemeralVolume(content);
        return content;
    }

    /** Adds an immutable volume. */
    public static ObjectNode withVolume(ObjectNode vm, String ref, boolean useLatest) {
        ObjectNode volume = ((ArrayNode) vm.get("volumes")).addObject();
        volume.put("comment", "read-only");
        volume.put("mount", "/opt/v" + vm.get("volumes").size());
        volume.put("ref", ref);
        volume.put("use_latest", useLatest);
        return vm;
    }

    /** Adds a persistent volume with a parent. */
    public static ObjectNode withPersistentParent(ObjectNode vm, String parentRef) {
        ObjectNode volume = ((ArrayNode) vm.get("volumes")).addObject();
        volume.putObject("parent").put("ref", parentRef).put("use_latest", true);
        volume.put("persistence", "host");
        volume.put("name", "state" + vm.get("volumes").size());
        volume.put("size_mib", 64);
        return vm;
    }

    /** Sets a PROGRAM's {@code data}. */
    public static ObjectNode withData(ObjectNode program, String ref) {
        ObjectNode data = program.putObject("data");
        data.put("encoding", "zip");
        data.put("mount", "/data");
        data.put("ref", ref);
        data.put("use_latest", false);
        return program;
    }

    public static ObjectNode withReplaces(ObjectNode vm, String original) {
        vm.put("replaces", original);
        return vm;
    }

    public static ObjectNode withAllowAmend(ObjectNode vm, boolean allowAmend) {
        vm.put("allow_amend", allowAmend);
        return vm;
    }

    /** Signs an inline message. @param channel null for none */
    public static Signed sign(MessageType type, ObjectNode content, MessageSigner signer, String channel, double time) {
        MessageBuilder builder = MessageBuilder.of(type, content).time(time);
        if (channel != null) {
            builder.channel(channel);
        }
        return new Signed(ItemHashes.sha256Hex(builder.itemContent()), builder.build(signer));
    }

    /** A signed {@code storage} message: its content lives elsewhere and cannot be fetched here. */
    public static Signed signNonInline(MessageType type, String itemHash, MessageSigner signer, String channel, double time) {
        ObjectNode envelope = NODES.objectNode();
        envelope.put("sender", signer.address());
        envelope.put("chain", signer.chain().wire());
        envelope.put("type", type.wire());
        envelope.put("time", time);
        if (channel != null) {
            envelope.put("channel", channel);
        }
        envelope.put("item_type", ItemType.STORAGE.wire());
        envelope.put("item_hash", itemHash);
        envelope.put("signature", signer.sign(
                new SignedPayload(signer.chain(), signer.address(), type.wire(), itemHash, null, time).verificationBuffer()));
        return new Signed(itemHash, PythonJson.spaced(envelope));
    }

    /** The same signed message as a relayer may pass it on: another envelope time and channel (both unsigned). */
    public static String relayed(String envelope, double time, String channel) {
        ObjectNode copy = (ObjectNode) parse(envelope);
        copy.put("time", time);
        if (channel == null) {
            copy.remove("channel");
        } else {
            copy.put("channel", channel);
        }
        return PythonJson.spaced(copy);
    }

    /** A JSON object body from alternating names and values (strings, numbers, booleans, nodes or null). */
    public static ObjectNode body(Object... namesAndValues) {
        ObjectNode body = NODES.objectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.set((String) namesAndValues[i], value(namesAndValues[i + 1]));
        }
        return body;
    }

    private static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        throw new IllegalArgumentException("unsupported value " + value);
    }

    static JsonNode parse(String json) {
        try {
            return AlephJson.parse(json);
        } catch (AlephJsonException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void onlyEphemeralVolume(ObjectNode vm) {
        ArrayNode volumes = vm.putArray("volumes");
        ObjectNode ephemeral = volumes.addObject();
        ephemeral.put("comment", "scratch");
        ephemeral.put("mount", "/var/cache");
        ephemeral.put("ephemeral", true);
        ephemeral.put("size_mib", 5);
    }

    private static ObjectNode templateContent(int index) {
        return (ObjectNode) parse(Fixtures.contentTemplateLines().get(index)).get("content");
    }
}
