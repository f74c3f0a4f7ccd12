package cloud.aleph.flink.operators.validation;

import static cloud.aleph.flink.operators.validation.EnvelopeRejection.invalidFormat;

import cloud.aleph.flink.operators.content.ContentFormatException;
import cloud.aleph.flink.operators.content.ContentSchemas;
import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.AlephJsonException;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The intake checks pyaleph runs on a new message before any signature is verified, in its order
 * (spec §1.2 {@code parse_message}, then §6.2): every format error is INVALID_FORMAT (0); then a
 * missing or empty signature is INVALID_SIGNATURE (1), unless the signature is not required (the
 * trusted input, pyaleph's {@code check_message = false}); then the {@code \u0000} check on inline
 * content (INVALID_FORMAT). Unknown extra envelope fields are ignored. Pure and thread-safe.
 */
public final class EnvelopeParser {

    /** pyaleph's {@code MAX_INLINE_SIZE}, counted in Unicode code points. */
    public static final int MAX_INLINE_CODE_POINTS = 200_000;

    /** The 6-character escape sequence pyaleph refuses in content text ({@code check_for_u0000}). */
    static final String ESCAPED_NUL = "\\u0000";

    private EnvelopeParser() {}

    /** Parses an envelope given as JSON text (orjson dialect). */
    public static EnvelopeResult parse(String json) {
        JsonNode root;
        try {
            root = AlephJson.parse(json);
        } catch (AlephJsonException e) {
            return invalidFormat("Message is not valid JSON: " + e.getMessage());
        }
        return parse(root);
    }

    /** Runs the intake checks of the public input (a signature is required) on an already parsed envelope. */
    public static EnvelopeResult parse(JsonNode root) {
        return parse(root, true);
    }

    /**
     * Runs the intake checks on an already parsed envelope.
     *
     * @param signatureRequired false only for the trusted input, where an absent, null or empty
     *     signature is allowed (spec §3.3: smart-contract messages, authenticated by their chain
     *     transaction); every other check is the same
     */
    public static EnvelopeResult parse(JsonNode root, boolean signatureRequired) {
        if (root == null || !root.isObject()) {
            return invalidFormat("Message is not a dictionary");
        }

        JsonNode typeNode = root.get("type");
        Optional<MessageType> type = typeNode != null && typeNode.isTextual()
                ? MessageType.fromWire(typeNode.textValue())
                : Optional.empty();
        if (type.isEmpty()) {
            return invalidFormat("Invalid message_type: " + describe(typeNode));
        }

        JsonNode itemHashNode = present(root.get("item_hash"));
        if (itemHashNode == null) {
            return invalidFormat("Could not determine item hash");
        }
        if (!itemHashNode.isTextual()) {
            // pyaleph fails on a non-string hash with an uncaught error (a crash, no verdict); we reject it.
            return invalidFormat("item_hash: a string is required");
        }
        String itemHash = itemHashNode.textValue();

        JsonNode itemContentNode = present(root.get("item_content"));
        if (itemContentNode != null && !itemContentNode.isTextual()) {
            // e.g. item_content sent as a JSON object instead of its text (conformance line 4)
            return invalidFormat("item_content: a string or null is required");
        }
        String itemContent = itemContentNode == null ? null : itemContentNode.textValue();

        // As pyaleph, the default is worked out (and an unknown hash shape refused) even when item_type is given.
        ItemType defaultItemType = ItemType.INLINE;
        if (itemContent == null) {
            Optional<ItemType> inferred = ItemHashes.inferItemType(itemHash);
            if (inferred.isEmpty()) {
                return invalidFormat("Unexpected hash type: '" + itemHash + "'");
            }
            defaultItemType = inferred.get();
        }
        ItemType itemType;
        JsonNode itemTypeNode = present(root.get("item_type"));
        if (itemTypeNode == null) {
            itemType = defaultItemType;
        } else {
            Optional<ItemType> given = itemTypeNode.isTextual()
                    ? ItemType.fromWire(itemTypeNode.textValue())
                    : Optional.empty();
            if (given.isEmpty()) {
                return invalidFormat("item_type: expected 'inline', 'storage' or 'ipfs', got " + describe(itemTypeNode));
            }
            itemType = given.get();
        }

        JsonNode content = null;
        if (itemType == ItemType.INLINE) {
            if (itemContent == null) {
                return invalidFormat("Item content not specified for inline item type");
            }
            // Counted as Python counts str length: code points, not UTF-16 units or bytes.
            if (itemContent.codePointCount(0, itemContent.length()) > MAX_INLINE_CODE_POINTS) {
                return invalidFormat("Message too long");
            }
            try {
                content = AlephJson.parse(itemContent);
            } catch (AlephJsonException e) {
                return invalidFormat("Message content is not valid JSON data: " + e.getMessage());
            }
            Optional<String> schemaError = schemaError(type.get(), content);
            if (schemaError.isPresent()) {
                return invalidFormat(schemaError.get());
            }
        } else {
            if (itemContent != null) {
                return invalidFormat(itemType.wire() + " messages cannot define item_content");
            }
            // A 'content' sent along a non-inline message is validated although never used (spec §1.1).
            JsonNode givenContent = present(root.get("content"));
            if (givenContent != null) {
                Optional<String> schemaError = schemaError(type.get(), givenContent);
                if (schemaError.isPresent()) {
                    return invalidFormat(schemaError.get());
                }
            }
        }

        JsonNode senderNode = root.get("sender");
        if (senderNode == null || !senderNode.isTextual()) {
            return invalidFormat("sender: a string is required");
        }
        JsonNode chainNode = root.get("chain");
        Optional<Chain> chain = chainNode != null && chainNode.isTextual()
                ? Chain.fromWire(chainNode.textValue())
                : Optional.empty();
        if (chain.isEmpty()) {
            return invalidFormat("chain: unknown chain " + describe(chainNode));
        }
        JsonNode timeNode = root.get("time");
        if (timeNode == null) {
            return invalidFormat("time: field required");
        }
        if (timeNode.isTextual()) {
            // pyaleph raises an uncaught TypeError on a string time (HTTP 500 / message dropped, spec §1.1);
            // we reject it instead so that bad input always gets a verdict.
            return invalidFormat("time: a number is required, got a string (the reference fails on it without a verdict)");
        }
        OptionalDouble time = EnvelopeTime.read(timeNode);
        if (time.isEmpty()) {
            return invalidFormat("time: not a Unix timestamp in years 1..9999: " + describe(timeNode));
        }
        JsonNode signatureNode = present(root.get("signature"));
        if (signatureNode != null && !signatureNode.isTextual()) {
            return invalidFormat("signature: a string or null is required");
        }
        JsonNode channelNode = present(root.get("channel"));
        if (channelNode != null && !channelNode.isTextual()) {
            return invalidFormat("channel: a string or null is required");
        }

        if (itemType == ItemType.INLINE) {
            String computed = ItemHashes.sha256Hex(itemContent);
            if (!computed.equals(itemHash)) {
                return invalidFormat("'item_hash' does not match 'sha256(item_content)', expecting " + computed);
            }
        } else {
            // itemContent is null here, so the shape was already inferred above
            if (defaultItemType != itemType) {
                return invalidFormat("Expected " + defaultItemType.wire() + " based on hash but item type is " + itemType.wire());
            }
        }

        String signature = signatureNode == null ? null : signatureNode.textValue();
        if (signatureRequired && (signature == null || signature.isEmpty())) {
            return new EnvelopeRejection(ErrorCode.INVALID_SIGNATURE, "Missing signature");
        }

        // Checked by pyaleph when it loads the content, after the signature presence check (spec §6.2).
        if (itemType == ItemType.INLINE && itemContent.contains(ESCAPED_NUL)) {
            return invalidFormat("Unsupported character in message: \\u0000");
        }

        return new ParsedEnvelope(
                itemHash,
                chain.get(),
                senderNode.textValue(),
                type.get(),
                itemType,
                itemType == ItemType.INLINE ? itemContent : null,
                content,
                signature,
                time.getAsDouble(),
                channelNode == null ? null : channelNode.textValue());
    }

    private static Optional<String> schemaError(MessageType type, JsonNode content) {
        try {
            ContentSchemas.validate(type, content);
            return Optional.empty();
        } catch (ContentFormatException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A JSON null counts as absent, as for pydantic's optional fields. */
    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static String describe(JsonNode node) {
        if (node == null) {
            return "(missing)";
        }
        String text = node.isTextual() ? "'" + node.textValue() + "'" : node.toString();
        if (text.length() <= 80) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(79)) ? 79 : 80;
        return text.substring(0, end) + "…";
    }
}
