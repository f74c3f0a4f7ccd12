package cloud.aleph.flink.jobs.workload;

import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.signing.DemoKeys;
import cloud.aleph.flink.operators.signing.MessageBuilder;
import cloud.aleph.flink.operators.signing.MessageSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A deterministic workload of real signed messages (ETH and SOL demo keys, the way the official
 * SDKs sign) plus bad input of every kind the pipeline must reject, each with its expected code.
 * The same seed always gives the same messages.
 */
public final class DemoWorkload {

    /** Accounts per chain that sign the workload. */
    public static final int ACCOUNTS_PER_CHAIN = 4;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CHANNEL = "ALEPH-FLINK-DEMO";

    private final Random random;
    private final double baseTime;
    private final List<MessageSigner> signers = new ArrayList<>();
    private int counter;

    DemoWorkload(long seed, double baseTime) {
        this.random = new Random(seed);
        this.baseTime = baseTime;
        for (int i = 0; i < ACCOUNTS_PER_CHAIN; i++) {
            signers.add(DemoKeys.ethereum(i));
            signers.add(DemoKeys.solana(i));
        }
    }

    /**
     * @param valid number of valid messages (posts, aggregates and stores from ETH and SOL accounts)
     * @param invalid number of bad inputs, cycling through every kind of {@link BadInput}
     * @param seed seed of everything random
     * @param baseTime Unix time of the first message (later ones are spaced by a second)
     * @return the messages in a shuffled publishing order
     */
    public static List<WorkloadMessage> generate(int valid, int invalid, long seed, double baseTime) {
        DemoWorkload workload = new DemoWorkload(seed, baseTime);
        List<WorkloadMessage> messages = new ArrayList<>(valid + invalid);
        for (int i = 0; i < valid; i++) {
            messages.add(workload.validMessage());
        }
        BadInput[] kinds = BadInput.values();
        for (int i = 0; i < invalid; i++) {
            messages.add(kinds[i % kinds.length].make(workload));
        }
        Collections.shuffle(messages, workload.random);
        return messages;
    }

    private WorkloadMessage validMessage() {
        String json = signedEnvelope();
        JsonNode envelope = parse(json);
        return valid(json, envelope.get("item_hash").textValue(), envelope.get("type").textValue());
    }

    /** A fresh signed envelope: mostly posts, some aggregates and stores. */
    private String signedEnvelope() {
        int n = counter++;
        MessageSigner signer = signers.get(n % signers.size());
        double time = baseTime + n;
        ObjectNode content = NODES.objectNode();
        content.put("address", signer.address());
        content.put("time", time);
        MessageType type;
        int dice = random.nextInt(10);
        if (dice < 7) {
            type = MessageType.POST;
            content.put("type", "demo-note");
            ObjectNode body = content.putObject("content");
            body.put("body", "note " + n + " from the aleph-flink demo");
            body.put("lucky", random.nextInt(1000));
        } else if (dice < 9) {
            type = MessageType.AGGREGATE;
            content.put("key", "demo-profile");
            ObjectNode body = content.putObject("content");
            body.put("field" + random.nextInt(5), "value " + n);
        } else {
            type = MessageType.STORE;
            byte[] file = ("demo file " + n).getBytes(StandardCharsets.UTF_8);
            content.put("item_type", "storage");
            content.put("item_hash", ItemHashes.sha256Hex(file));
        }
        return MessageBuilder.of(type, content).channel(CHANNEL).time(time).build(signer);
    }

    private static WorkloadMessage valid(String json, String itemHash, String kind) {
        return new WorkloadMessage(json, itemHash, rejectionIdOf(json), null, kind);
    }

    private static WorkloadMessage invalid(String json, String itemHash, ErrorCode code, String kind) {
        return new WorkloadMessage(json, itemHash, rejectionIdOf(json), code, kind);
    }

    public static String rejectionIdOf(String json) {
        return ItemHashes.sha256Hex(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String json) {
        try {
            return AlephJson.parse(json);
        } catch (Exception e) {
            throw new IllegalStateException("the workload built unparsable JSON", e);
        }
    }

    /** Bad inputs, each with the code the reference rejects it with. */
    enum BadInput {
        TAMPERED_SIGNATURE(ErrorCode.INVALID_SIGNATURE, w -> w.tamper(
                "tampered signature", "signature", DemoWorkload::flipHexOrBase58, ErrorCode.INVALID_SIGNATURE)),
        TAMPERED_SENDER(ErrorCode.INVALID_SIGNATURE, w -> w.tamper(
                "tampered sender", "sender", DemoWorkload::flipLastChar, ErrorCode.INVALID_SIGNATURE)),
        // Still valid JSON, but no longer the text the item_hash was computed on.
        TAMPERED_CONTENT(ErrorCode.INVALID_FORMAT, w -> w.tamper(
                "tampered item_content", "item_content", c -> c + " ", ErrorCode.INVALID_FORMAT)),
        TAMPERED_ITEM_HASH(ErrorCode.INVALID_FORMAT, w -> w.tamper(
                "tampered item_hash", "item_hash", DemoWorkload::flipLastChar, ErrorCode.INVALID_FORMAT)),
        MISSING_SIGNATURE(ErrorCode.INVALID_SIGNATURE, w -> w.tamper(
                "missing signature", "signature", s -> "", ErrorCode.INVALID_SIGNATURE)),
        UNKNOWN_CHAIN(ErrorCode.INVALID_FORMAT, w -> w.tamper(
                "unknown chain", "chain", c -> "MEGA_CHAIN", ErrorCode.INVALID_FORMAT)),
        OVERSIZED(ErrorCode.INVALID_FORMAT, DemoWorkload::oversized),
        TRUNCATED(ErrorCode.INVALID_FORMAT, w -> {
            String json = w.signedEnvelope();
            String cut = json.substring(0, json.length() / 2);
            return invalid(cut, null, ErrorCode.INVALID_FORMAT, "truncated JSON");
        }),
        NOT_JSON(ErrorCode.INVALID_FORMAT, w -> invalid("hello aleph " + w.counter++, null, ErrorCode.INVALID_FORMAT, "not JSON"));

        private final ErrorCode code;
        private final Function<DemoWorkload, WorkloadMessage> maker;

        BadInput(ErrorCode code, Function<DemoWorkload, WorkloadMessage> maker) {
            this.code = code;
            this.maker = maker;
        }

        WorkloadMessage make(DemoWorkload workload) {
            WorkloadMessage message = maker.apply(workload);
            if (message.expectedError() != code) {
                throw new IllegalStateException(name() + " made a message expecting " + message.expectedError());
            }
            return message;
        }
    }

    /** A valid envelope with one field changed after signing. */
    private WorkloadMessage tamper(String kind, String field, UnaryOperator<String> change, ErrorCode code) {
        ObjectNode envelope = (ObjectNode) parse(signedEnvelope());
        envelope.put(field, change.apply(envelope.get(field).textValue()));
        return invalid(envelope.toString(), envelope.get("item_hash").textValue(), code, kind);
    }

    private WorkloadMessage oversized() {
        MessageSigner signer = signers.get(0);
        double time = baseTime + counter++;
        ObjectNode content = NODES.objectNode();
        content.put("address", signer.address());
        content.put("time", time);
        content.put("type", "demo-note");
        content.putObject("content").put("body", "x".repeat(200_001));
        String json = MessageBuilder.of(MessageType.POST, content).channel(CHANNEL).time(time).build(signer);
        return invalid(json, parse(json).get("item_hash").textValue(), ErrorCode.INVALID_FORMAT, "oversized content");
    }

    /** Changes one character of a signature while keeping it well-formed where possible. */
    private static String flipHexOrBase58(String signature) {
        if (signature.startsWith("{")) {
            // SOL: a JSON object whose "signature" is base58; change one of its characters.
            int at = signature.indexOf("\"signature\": \"") + "\"signature\": \"".length() + 5;
            char c = signature.charAt(at);
            return signature.substring(0, at) + (c == 'A' ? 'B' : 'A') + signature.substring(at + 1);
        }
        int at = 10;
        char c = signature.charAt(at);
        return signature.substring(0, at) + (c == 'a' ? 'b' : 'a') + signature.substring(at + 1);
    }

    private static String flipLastChar(String text) {
        char last = text.charAt(text.length() - 1);
        char replacement = last == 'a' ? 'b' : (last == 'A' ? 'B' : 'a');
        return text.substring(0, text.length() - 1) + replacement;
    }
}
