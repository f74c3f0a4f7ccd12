package cloud.aleph.flink.operators.validation;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.PythonJson;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Intake rules of spec §1.2 and §3.3, one at a time, starting from a valid envelope. */
class EnvelopeParserTest {

    private static final String SENDER = "0x696879aE4F6d8DaDD5b8F1cbb1e663B89b08f106";
    private static final String STORAGE_HASH = "5ccdd7bccfbc5955e2e40166dd0cdea0b093154fd87bc2bea57e7c768cde2f21";
    private static final String IPFS_HASH = "QmWx3j1gSQUrTbDCHXXj7g3W9Rq9Gf4p4A6Lf6ZSRbg7mW";

    @Test
    void aValidInlineEnvelopeIsParsed() {
        ObjectNode envelope = inline(content());
        envelope.put("channel", "TEST");

        ParsedEnvelope parsed = parsed(envelope);

        assertThat(parsed.chain()).isEqualTo(Chain.ETH);
        assertThat(parsed.type()).isEqualTo(MessageType.POST);
        assertThat(parsed.itemType()).isEqualTo(ItemType.INLINE);
        assertThat(parsed.sender()).isEqualTo(SENDER);
        assertThat(parsed.time()).isEqualTo(1_652_794_362.5);
        assertThat(parsed.channel()).isEqualTo("TEST");
        assertThat(parsed.content().get("address").textValue()).isEqualTo(SENDER);
        assertThat(parsed.itemHash()).isEqualTo(ItemHashes.sha256Hex(parsed.itemContent()));
    }

    @Test
    void itemContentIsKeptExactlyAsReceived() {
        String spaced = "{ \"address\" : \"" + SENDER + "\",  \"time\": 1.50, \"type\": \"x\", \"content\": {\"b\": \"\\u00e9\"} }";
        ParsedEnvelope parsed = parsed(inlineText(spaced));
        assertThat(parsed.itemContent()).isEqualTo(spaced);
        assertThat(parsed.content().get("content").get("b").textValue()).isEqualTo("é");
    }

    @Test
    void inputMustBeAnObject() {
        assertRejected(EnvelopeParser.parse("[1,2]"), ErrorCode.INVALID_FORMAT, "Message is not a dictionary");
        assertRejected(EnvelopeParser.parse("\"text\""), ErrorCode.INVALID_FORMAT, "Message is not a dictionary");
        assertRejected(EnvelopeParser.parse("null"), ErrorCode.INVALID_FORMAT, "Message is not a dictionary");
        assertRejected(EnvelopeParser.parse("{\"a\":"), ErrorCode.INVALID_FORMAT, "not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"post\"", "\"MESSAGE\"", "1", "null", "\"V_PROGRAM\""})
    void typeMustBeAKnownWireValue(String type) throws Exception {
        ObjectNode envelope = inline(content());
        envelope.set("type", AlephJson.parse(type));
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "Invalid message_type");
        envelope.remove("type");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "Invalid message_type");
    }

    @Test
    void itemHashMustBePresentAndAString() {
        ObjectNode envelope = inline(content());
        envelope.remove("item_hash");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "Could not determine item hash");
        envelope.putNull("item_hash");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "Could not determine item hash");
        envelope.put("item_hash", 42);
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "item_hash");
    }

    @Test
    void itemTypeDefaultsToInlineWhenContentIsGiven() {
        ObjectNode envelope = inline(content());
        envelope.remove("item_type");
        assertThat(parsed(envelope).itemType()).isEqualTo(ItemType.INLINE);
        envelope.putNull("item_type");
        assertThat(parsed(envelope).itemType()).isEqualTo(ItemType.INLINE);
    }

    @Test
    void itemTypeIsInferredFromTheHashWithoutContent() {
        ObjectNode storage = nonInline(STORAGE_HASH);
        storage.remove("item_type");
        assertThat(parsed(storage).itemType()).isEqualTo(ItemType.STORAGE);
        assertThat(parsed(storage).itemContent()).isNull();
        assertThat(parsed(storage).content()).isNull();

        ObjectNode ipfs = nonInline(IPFS_HASH);
        ipfs.remove("item_type");
        assertThat(parsed(ipfs).itemType()).isEqualTo(ItemType.IPFS);

        ObjectNode unknown = nonInline("deadbeef");
        unknown.remove("item_type");
        assertRejected(EnvelopeParser.parse(unknown), ErrorCode.INVALID_FORMAT, "Unexpected hash type");
        // the shape is checked even with an explicit item_type, as pyaleph does
        unknown.put("item_type", "storage");
        assertRejected(EnvelopeParser.parse(unknown), ErrorCode.INVALID_FORMAT, "Unexpected hash type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"STORAGE\"", "\"Inline\"", "\"\"", "1", "false"})
    void itemTypeMustBeLowerCaseWireValue(String itemType) throws Exception {
        ObjectNode envelope = nonInline(STORAGE_HASH);
        envelope.set("item_type", AlephJson.parse(itemType));
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "item_type");
    }

    @Test
    void inlineNeedsItemContent() {
        ObjectNode envelope = nonInline(STORAGE_HASH);
        envelope.put("item_type", "inline");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "Item content not specified");
    }

    @Test
    void itemContentMustBeAStringOrNull() {
        ObjectNode envelope = inline(content());
        envelope.set("item_content", content());
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "item_content");
        envelope.put("item_content", 12);
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "item_content");
    }

    @Test
    void inlineContentUpTo200000CodePointsIsAccepted() {
        assertThat(parsed(inlineText(contentOfCodePoints(200_000, "x"))).itemContent().length()).isEqualTo(200_000);
        assertRejected(EnvelopeParser.parse(inlineText(contentOfCodePoints(200_001, "x"))), ErrorCode.INVALID_FORMAT, "Message too long");
    }

    @Test
    void astralCharactersCountAsOneCodePoint() {
        String astral = contentOfCodePoints(200_000, "😀");
        assertThat(astral.length()).isGreaterThan(390_000);
        assertThat(parsed(inlineText(astral)).itemContent()).isEqualTo(astral);
        assertRejected(EnvelopeParser.parse(inlineText(contentOfCodePoints(200_001, "😀"))), ErrorCode.INVALID_FORMAT, "Message too long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":NaN}", "{\"a\":\"\\ud800\"}", "", "{} {}", "{\"a\":1e999}"})
    void inlineContentMustBeJsonInTheReferenceDialect(String text) {
        assertRejected(EnvelopeParser.parse(inlineText(text)), ErrorCode.INVALID_FORMAT, "not valid JSON data");
    }

    @Test
    void inlineContentMustFitTheSchema() {
        assertRejected(EnvelopeParser.parse(inlineText("[]")), ErrorCode.INVALID_FORMAT, "content");
        ObjectNode noAddress = content();
        noAddress.remove("address");
        assertRejected(EnvelopeParser.parse(inline(noAddress)), ErrorCode.INVALID_FORMAT, "address");
    }

    @Test
    void nonInlineMessagesCannotCarryItemContent() {
        ObjectNode envelope = nonInline(STORAGE_HASH);
        envelope.put("item_content", "{}");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "storage messages cannot define item_content");
        envelope.putNull("item_content");
        assertThat(parsed(envelope).itemType()).isEqualTo(ItemType.STORAGE);
    }

    @Test
    void contentSentWithANonInlineMessageIsValidated() {
        ObjectNode envelope = nonInline(STORAGE_HASH);
        envelope.put("type", "POST");
        envelope.set("content", content());
        assertThat(parsed(envelope).content()).isNull();
        envelope.put("type", "AGGREGATE");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "content.key");
        envelope.put("type", "POST");
        envelope.put("content", "not an object");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "content");
    }

    @Test
    void senderMustBeAString() {
        ObjectNode envelope = inline(content());
        envelope.remove("sender");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "sender");
        envelope.put("sender", 7);
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "sender");
        envelope.putNull("sender");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "sender");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"eth\"", "\"MEGA_CHAIN\"", "\"\"", "1", "null"})
    void chainMustBeAnExactEnumValue(String chain) throws Exception {
        ObjectNode envelope = inline(content());
        envelope.set("chain", AlephJson.parse(chain));
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "chain");
    }

    @Test
    void chainsWithoutAReferenceVerifierStillParse() {
        ObjectNode envelope = inline(content());
        envelope.put("chain", "AURORA");
        assertThat(parsed(envelope).chain()).isEqualTo(Chain.AURORA);
    }

    @Test
    void timeAcceptsNumbersAndBooleansInPythonsDatetimeRange() {
        ObjectNode envelope = inline(content());
        envelope.put("time", 1_652_794_362L);
        assertThat(parsed(envelope).time()).isEqualTo(1_652_794_362.0);
        envelope.put("time", true);
        assertThat(parsed(envelope).time()).isEqualTo(1.0);
        envelope.put("time", 253_402_300_799L);
        assertThat(parsed(envelope).time()).isEqualTo(253_402_300_799.0);
        envelope.put("time", 253_402_300_799.99997);
        assertThat(parsed(envelope).time()).isEqualTo(253_402_300_799.99997);
        envelope.put("time", -62_135_596_800L);
        assertThat(parsed(envelope).time()).isEqualTo(-62_135_596_800.0);
        envelope.put("time", -62_135_596_800.0);
        assertThat(parsed(envelope).time()).isEqualTo(-62_135_596_800.0);
    }

    @Test
    void timeOutsideYears1To9999IsRefused() {
        ObjectNode envelope = inline(content());
        for (JsonNode time : new JsonNode[] {
            AlephJson.nodes().numberNode(253_402_300_800L),
            AlephJson.nodes().numberNode(253_402_300_800.0),
            AlephJson.nodes().numberNode(255_402_210_800L),
            AlephJson.nodes().numberNode(-62_135_596_801L),
            AlephJson.nodes().numberNode(-62_135_596_800.00001),
            AlephJson.nodes().numberNode(1e20),
            AlephJson.nodes().numberNode(new BigInteger("18446744073709551615")),
            AlephJson.nodes().nullNode(),
            AlephJson.nodes().arrayNode()
        }) {
            envelope.set("time", time);
            assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "time");
        }
        envelope.remove("time");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "time");
    }

    @Test
    void stringTimeIsRefusedWhereTheReferenceCrashes() {
        ObjectNode envelope = inline(content());
        envelope.put("time", "2024-11-20T16:02:43.214390+00:00");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "got a string");
        envelope.put("time", "1652085236.777");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "got a string");
    }

    @Test
    void signatureAndChannelMustBeStringsOrNull() {
        ObjectNode envelope = inline(content());
        envelope.set("signature", content());
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "signature");
        envelope = inline(content());
        envelope.put("channel", 3);
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "channel");
        envelope.putNull("channel");
        assertThat(parsed(envelope).channel()).isNull();
    }

    @Test
    void inlineHashMustBeTheExactSha256Hex() {
        ObjectNode envelope = inline(content());
        String hash = envelope.get("item_hash").textValue();
        envelope.put("item_hash", hash.toUpperCase());
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "does not match");
        envelope.put("item_hash", ItemHashes.sha256Hex(envelope.get("item_content").textValue() + " "));
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "does not match");
        envelope.put("item_hash", IPFS_HASH);
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "does not match");
    }

    @Test
    void nonInlineHashShapeMustMatchItemType() {
        ObjectNode ipfsTypedStorageHash = nonInline(STORAGE_HASH);
        ipfsTypedStorageHash.put("item_type", "ipfs");
        assertRejected(EnvelopeParser.parse(ipfsTypedStorageHash), ErrorCode.INVALID_FORMAT, "Expected storage based on hash");
        ObjectNode storageTypedCid = nonInline(IPFS_HASH);
        storageTypedCid.put("item_type", "storage");
        assertRejected(EnvelopeParser.parse(storageTypedCid), ErrorCode.INVALID_FORMAT, "Expected ipfs based on hash");
    }

    @Test
    void missingSignatureIsAnInvalidSignature() {
        ObjectNode envelope = inline(content());
        envelope.remove("signature");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_SIGNATURE, "Missing signature");
        envelope.putNull("signature");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_SIGNATURE, "Missing signature");
        envelope.put("signature", "");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_SIGNATURE, "Missing signature");
    }

    @Test
    void withoutARequiredSignatureAnAbsentNullOrEmptyOneIsKeptAsReceived() {
        ObjectNode envelope = inline(content());
        envelope.remove("signature");
        assertThat(parsedWithoutRequiredSignature(envelope).signature()).isNull();
        envelope.putNull("signature");
        assertThat(parsedWithoutRequiredSignature(envelope).signature()).isNull();
        envelope.put("signature", "");
        assertThat(parsedWithoutRequiredSignature(envelope).signature()).isEmpty();
        envelope.put("signature", "0xabc");
        assertThat(parsedWithoutRequiredSignature(envelope).signature()).isEqualTo("0xabc");
    }

    @Test
    void withoutARequiredSignatureEveryOtherRuleStillHolds() {
        ObjectNode badChain = inline(content());
        badChain.putNull("signature");
        badChain.put("chain", "NOPE");
        assertRejected(EnvelopeParser.parse(badChain, false), ErrorCode.INVALID_FORMAT, "chain");

        ObjectNode badHash = inline(content());
        badHash.putNull("signature");
        badHash.put("item_hash", ItemHashes.sha256Hex("other content"));
        assertRejected(EnvelopeParser.parse(badHash, false), ErrorCode.INVALID_FORMAT, "'item_hash' does not match");

        ObjectNode noAddress = content();
        noAddress.remove("address");
        ObjectNode badContent = inline(noAddress);
        badContent.putNull("signature");
        assertRejected(EnvelopeParser.parse(badContent, false), ErrorCode.INVALID_FORMAT, "address");

        ObjectNode nul = content();
        nul.putObject("content").put("body", "a\u0000b");
        ObjectNode escapedNul = inline(nul);
        escapedNul.putNull("signature");
        assertRejected(EnvelopeParser.parse(escapedNul, false), ErrorCode.INVALID_FORMAT,
                "Unsupported character in message: \\u0000");
    }

    @Test
    void formatErrorsComeBeforeTheMissingSignature() {
        ObjectNode envelope = inline(content());
        envelope.remove("signature");
        envelope.put("chain", "NOPE");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "chain");
    }

    @Test
    void escapedNulInContentIsRefusedAfterTheSignaturePresenceCheck() {
        ObjectNode content = content();
        content.putObject("content").put("body", "a\u0000b");
        ObjectNode envelope = inline(content);
        assertThat(envelope.get("item_content").textValue()).contains("\\u0000");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_FORMAT, "Unsupported character in message: \\u0000");
        envelope.remove("signature");
        assertRejected(EnvelopeParser.parse(envelope), ErrorCode.INVALID_SIGNATURE, "Missing signature");
        // other escapes of control characters are fine
        ObjectNode other = content();
        other.putObject("content").put("body", "a\u0001b");
        assertThat(parsed(inline(other)).content().get("content").get("body").textValue()).isEqualTo("a\u0001b");
    }

    @Test
    void unknownEnvelopeFieldsAreIgnored() {
        ObjectNode envelope = inline(content());
        envelope.put("_id", "x");
        envelope.put("confirmed", true);
        envelope.putArray("confirmations").addObject().put("chain", "ETH");
        envelope.put("size", 12);
        envelope.put("origin", "p2p");
        assertThat(parsed(envelope).sender()).isEqualTo(SENDER);
    }

    // --- helpers -------------------------------------------------------------------------------

    private static ObjectNode content() {
        ObjectNode content = AlephJson.nodes().objectNode();
        content.put("address", SENDER);
        content.put("time", 1_652_794_362.5);
        content.put("type", "test");
        content.putObject("content").put("body", "hello");
        return content;
    }

    private static ObjectNode inline(ObjectNode content) {
        return inlineText(PythonJson.compact(content));
    }

    private static ObjectNode inlineText(String itemContent) {
        ObjectNode envelope = AlephJson.nodes().objectNode();
        envelope.put("chain", "ETH");
        envelope.put("sender", SENDER);
        envelope.put("type", "POST");
        envelope.put("time", 1_652_794_362.5);
        envelope.put("item_type", "inline");
        envelope.put("item_content", itemContent);
        envelope.put("item_hash", ItemHashes.sha256Hex(itemContent));
        envelope.put("signature", "0xsignature-not-checked-here");
        return envelope;
    }

    private static ObjectNode nonInline(String hash) {
        ObjectNode envelope = AlephJson.nodes().objectNode();
        envelope.put("chain", "ETH");
        envelope.put("sender", SENDER);
        envelope.put("type", "AGGREGATE");
        envelope.put("time", 1_652_794_362.5);
        envelope.put("item_type", ItemHashes.inferItemType(hash).map(ItemType::wire).orElse("storage"));
        envelope.put("item_hash", hash);
        envelope.put("signature", "0xsignature-not-checked-here");
        return envelope;
    }

    /** Valid content JSON of exactly {@code codePoints} code points, padded with a one-code-point text. */
    private static String contentOfCodePoints(int codePoints, String filler) {
        String prefix = "{\"address\":\"" + SENDER + "\",\"time\":1.5,\"type\":\"t\",\"content\":{\"body\":\"";
        String suffix = "\"}}";
        int padding = codePoints - prefix.length() - suffix.length();
        String text = prefix + filler.repeat(padding) + suffix;
        assertThat(text.codePointCount(0, text.length())).isEqualTo(codePoints);
        return text;
    }

    private static ParsedEnvelope parsed(JsonNode envelope) {
        EnvelopeResult result = EnvelopeParser.parse(envelope);
        assertThat(result).as("%s", result).isInstanceOf(ParsedEnvelope.class);
        return (ParsedEnvelope) result;
    }

    private static ParsedEnvelope parsedWithoutRequiredSignature(JsonNode envelope) {
        EnvelopeResult result = EnvelopeParser.parse(envelope, false);
        assertThat(result).as("%s", result).isInstanceOf(ParsedEnvelope.class);
        return (ParsedEnvelope) result;
    }

    private static void assertRejected(EnvelopeResult result, ErrorCode code, String reasonPart) {
        assertThat(result).isInstanceOf(EnvelopeRejection.class);
        EnvelopeRejection rejection = (EnvelopeRejection) result;
        assertThat(rejection.errorCode()).as(rejection.reason()).isEqualTo(code);
        assertThat(rejection.reason()).contains(reasonPart);
    }
}
