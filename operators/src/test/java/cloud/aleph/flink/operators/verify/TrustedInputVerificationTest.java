package cloud.aleph.flink.operators.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.PythonJson;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.SourcePartitions;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import cloud.aleph.flink.operators.signing.DemoKeys;
import cloud.aleph.flink.operators.signing.EthereumSigner;
import cloud.aleph.flink.operators.signing.MessageBuilder;
import cloud.aleph.flink.operators.signing.SmartContractMessages;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Unsigned smart-contract messages (spec §3.3, §9.4) are accepted from the trusted input only; every
 * other check is the same on both inputs, and a signature on the trusted input is verified.
 */
class TrustedInputVerificationTest {

    private static final MessageVerifier VERIFIER = MessageVerifier.withDefaultVerifiers();
    private static final String ADDRESS = "0x696879aE4F6d8DaDD5b8F1cbb1e663B89b08f106";
    private static final double TX_TIME = 1_700_000_123.0;

    private static Verdict trusted(String json) {
        return VERIFIER.verify(new RawMessage(SourcePartitions.trusted(1), 42L, 7L, json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Verdict raw(String json) {
        return VERIFIER.verify(new RawMessage(SourcePartitions.raw(1), 42L, 7L, json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anUnsignedSmartContractPostIsAcceptedFromTheTrustedInput() {
        String json = SmartContractMessages.post(ADDRESS, TX_TIME, "from the contract");

        Verdict verdict = trusted(json);

        assertThat(verdict.isAccepted()).as("%s", verdict.rejected()).isTrue();
        VerifiedMessage message = verdict.accepted();
        assertThat(message.signature()).isNull();
        assertThat(message.channel()).isNull();
        assertThat(message.chain()).isEqualTo(Chain.ETH);
        assertThat(message.sender()).isEqualTo(ADDRESS);
        assertThat(message.owner()).isEqualTo(ADDRESS);
        assertThat(message.type()).isEqualTo(MessageType.POST);
        assertThat(message.itemType()).isEqualTo(ItemType.INLINE);
        assertThat(message.itemHash()).isEqualTo(ItemHashes.sha256Hex(message.itemContent()));
        assertThat(message.time()).isEqualTo(TX_TIME);
        assertThat(message.contentTime()).isEqualTo(TX_TIME);
        assertThat(message.partition()).isEqualTo(SourcePartitions.TRUSTED_BASE + 1);
        assertThat(message.offset()).isEqualTo(42L);
    }

    @Test
    void anUnsignedSmartContractAggregateOfAnotherChainIsAcceptedFromTheTrustedInput() {
        Verdict verdict = trusted(SmartContractMessages.aggregate(Chain.BSC, ADDRESS, TX_TIME, "profile", "bsc"));

        assertThat(verdict.isAccepted()).as("%s", verdict.rejected()).isTrue();
        assertThat(verdict.accepted().chain()).isEqualTo(Chain.BSC);
        assertThat(verdict.accepted().type()).isEqualTo(MessageType.AGGREGATE);
        assertThat(verdict.accepted().signature()).isNull();
    }

    @Test
    void theSameMessageFromTheRawTopicIsRejectedAsMissingItsSignature() {
        String json = SmartContractMessages.post(ADDRESS, TX_TIME, "from the contract");

        for (Verdict verdict : new Verdict[] {raw(json), VERIFIER.verifyLine(json)}) {
            assertThat(verdict.isAccepted()).isFalse();
            Rejection rejection = verdict.rejected();
            assertThat(rejection.errorCode()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
            assertThat(rejection.reason()).isEqualTo("Missing signature");
            assertThat(rejection.itemHash()).isEqualTo(trusted(json).accepted().itemHash());
        }
        assertThat(raw(json).rejected().partition()).isEqualTo(1);
    }

    @Test
    void anEmptySignatureIsNoSignatureOnEitherInput() {
        String json = withField(SmartContractMessages.post(ADDRESS, TX_TIME, "empty signature"), "signature", "");

        assertThat(trusted(json).isAccepted()).as("%s", trusted(json).rejected()).isTrue();
        assertThat(trusted(json).accepted().signature()).isEmpty();
        assertThat(raw(json).rejected().errorCode()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        assertThat(raw(json).rejected().reason()).isEqualTo("Missing signature");
    }

    @Test
    void aTrustedMessageWithABadItemHashIsRejectedAsOnTheRawTopic() {
        String json = withField(SmartContractMessages.post(ADDRESS, TX_TIME, "bad hash"), "item_hash",
                ItemHashes.sha256Hex("something else"));

        Rejection rejection = trusted(json).rejected();

        assertThat(rejection.errorCode()).isEqualTo(ErrorCode.INVALID_FORMAT);
        assertThat(rejection.reason()).startsWith("'item_hash' does not match 'sha256(item_content)'");
        assertThat(rejection.partition()).isEqualTo(SourcePartitions.TRUSTED_BASE + 1);
    }

    @Test
    void aTrustedMessageWithABadFormatIsRejectedWithTheUsualCode() {
        String valid = SmartContractMessages.post(ADDRESS, TX_TIME, "bad format");
        assertRejected(trusted("not JSON"), ErrorCode.INVALID_FORMAT, "Message is not valid JSON");
        assertRejected(trusted(withField(valid, "type", "MESSAGE")), ErrorCode.INVALID_FORMAT, "Invalid message_type");
        assertRejected(trusted(withField(valid, "chain", "MEGA_CHAIN")), ErrorCode.INVALID_FORMAT, "chain: unknown chain");
        ObjectNode envelope = parse(valid);
        envelope.remove("sender");
        assertRejected(trusted(PythonJson.spaced(envelope)), ErrorCode.INVALID_FORMAT, "sender: a string is required");

        ObjectNode content = AlephJson.nodes().objectNode();
        content.put("time", TX_TIME); // no address: the POST schema refuses it
        content.put("type", "contract-note");
        String schemaless = SmartContractMessages.envelope(Chain.ETH, ADDRESS, MessageType.POST, TX_TIME,
                PythonJson.compact(content));
        assertRejected(trusted(schemaless), ErrorCode.INVALID_FORMAT, "address");

        String escapedNul = SmartContractMessages.post(ADDRESS, TX_TIME, "nul \u0000 inside");
        assertThat(parse(escapedNul).get("item_content").textValue()).contains("\\u0000");
        assertRejected(trusted(escapedNul), ErrorCode.INVALID_FORMAT, "Unsupported character in message: \\u0000");
    }

    @Test
    void anUnsignedTrustedMessageIsNotAskedForAChainVerifier() {
        // The reference runs no signature check at all for it (check_message = false), so not the chain's either.
        String json = withField(SmartContractMessages.post(ADDRESS, TX_TIME, "aurora"), "chain", Chain.AURORA.wire());

        assertThat(trusted(json).isAccepted()).as("%s", trusted(json).rejected()).isTrue();
        assertRejected(trusted(withField(json, "signature", "0xabc")), ErrorCode.INVALID_FORMAT,
                "Unknown chain for validation: AURORA");
    }

    @Test
    void aSignatureOnTheTrustedInputIsVerifiedLikeAnyOther() {
        EthereumSigner signer = DemoKeys.ethereum(0);
        ObjectNode content = AlephJson.nodes().objectNode();
        content.put("address", signer.address());
        content.put("time", TX_TIME);
        content.put("type", "note");
        content.putObject("content").put("body", "signed and relayed");
        String signed = MessageBuilder.of(MessageType.POST, content).time(TX_TIME).build(signer);

        Verdict accepted = trusted(signed);
        assertThat(accepted.isAccepted()).as("%s", accepted.rejected()).isTrue();
        assertThat(accepted.accepted().signature()).isEqualTo(parse(signed).get("signature").textValue());

        String forged = withField(signed, "sender", DemoKeys.ethereum(1).address());
        assertRejected(trusted(forged), ErrorCode.INVALID_SIGNATURE, "The signature of the message is invalid");
        assertRejected(raw(forged), ErrorCode.INVALID_SIGNATURE, "The signature of the message is invalid");
    }

    private static void assertRejected(Verdict verdict, ErrorCode code, String reasonPart) {
        assertThat(verdict.isAccepted()).as("accepted, expected %s %s", code, reasonPart).isFalse();
        assertThat(verdict.rejected().errorCode()).as(verdict.rejected().reason()).isEqualTo(code);
        assertThat(verdict.rejected().reason()).contains(reasonPart);
    }

    private static String withField(String json, String field, String value) {
        ObjectNode envelope = parse(json);
        envelope.put(field, value);
        return PythonJson.spaced(envelope);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) AlephJson.parse(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
