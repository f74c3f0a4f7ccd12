package cloud.aleph.flink.operators.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.conformance.Fixtures;
import cloud.aleph.flink.operators.crypto.EvmVerifier;
import cloud.aleph.flink.operators.crypto.SignatureResult;
import cloud.aleph.flink.operators.crypto.SignatureVerifiers;
import cloud.aleph.flink.operators.crypto.SignedPayload;
import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.AlephJsonException;
import cloud.aleph.flink.operators.json.PythonJson;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.signing.DemoKeys;
import cloud.aleph.flink.operators.signing.EthereumSigner;
import cloud.aleph.flink.operators.signing.MessageBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageVerifierTest {

    private static final MessageVerifier VERIFIER = MessageVerifier.withDefaultVerifiers();

    @Test
    void acceptedMessagesCarryEnvelopeContentAndPosition() {
        String line = Fixtures.fixtureLines().get(0); // A01, ETH POST inline
        Verdict verdict = VERIFIER.verify(new RawMessage(3, 1234L, 1_700_000_000_000L, line.getBytes(StandardCharsets.UTF_8)));

        assertThat(verdict.isAccepted()).isTrue();
        assertThat(verdict.itemHash()).isEqualTo("f524a258d87f1771e8538fd4fd91acdcc527c3b7f138fafd6ff89a5fcf97c3b7");
        var message = verdict.accepted();
        assertThat(message.chain()).isEqualTo(Chain.ETH);
        assertThat(message.type()).isEqualTo(MessageType.POST);
        assertThat(message.itemType()).isEqualTo(ItemType.INLINE);
        assertThat(message.owner()).isEqualTo("0xA07B1214bAe0D5ccAA25449C3149c0aC83658874");
        assertThat(message.contentTime()).isEqualTo(1730410918.0924816);
        assertThat(message.time()).isEqualTo(1730410918.092607);
        assertThat(message.channel()).isEqualTo("ALEPH-CLOUDSOLUTIONS");
        assertThat(message.size()).isEqualTo(message.itemContent().codePointCount(0, message.itemContent().length()));
        assertThat(message.partition()).isEqualTo(3);
        assertThat(message.offset()).isEqualTo(1234L);
        assertThat(message.receivedMillis()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void nonInlineMessagesHaveNoContentYet() {
        Verdict verdict = VERIFIER.verifyLine(Fixtures.fixtureLines().get(13)); // B02, ipfs
        assertThat(verdict.isAccepted()).isTrue();
        assertThat(verdict.accepted().itemType()).isEqualTo(ItemType.IPFS);
        assertThat(verdict.accepted().itemContent()).isNull();
        assertThat(verdict.accepted().owner()).isNull();
        assertThat(verdict.accepted().contentTime()).isNull();
        assertThat(verdict.accepted().size()).isZero();
        assertThat(verdict.accepted().channel()).isNull();
        assertThat(verdict.accepted().partition()).isEqualTo(-1);
        assertThat(verdict.accepted().offset()).isEqualTo(-1L);
    }

    @Test
    void sizeCountsCodePoints() {
        EthereumSigner signer = DemoKeys.ethereum(0);
        ObjectNode content = AlephJson.nodes().objectNode();
        content.put("address", signer.address());
        content.put("time", 1.0);
        content.putObject("content").put("emoji", "😀");
        content.put("type", "t");
        String raw = MessageBuilder.of(MessageType.POST, content).time(1.0).build(signer);
        // rewrite item_content with the astral character unescaped (same JSON value, other text)
        ObjectNode envelope = (ObjectNode) parse(raw);
        String itemContent = "{\"address\":\"" + signer.address() + "\",\"time\":1.0,\"content\":{\"emoji\":\"😀\"},\"type\":\"t\"}";
        envelope.put("item_content", itemContent);
        envelope.put("item_hash", ItemHashes.sha256Hex(itemContent));
        envelope.put("signature", signer.sign(new SignedPayload(
                Chain.ETH, signer.address(), "POST", ItemHashes.sha256Hex(itemContent), null, 1.0).verificationBuffer()));
        Verdict verdict = VERIFIER.verifyLine(PythonJson.compact(envelope));
        assertThat(verdict.isAccepted()).as("%s", verdict.rejected()).isTrue();
        assertThat(verdict.accepted().size()).isEqualTo(itemContent.length() - 1);
    }

    @Test
    void rejectionsCarryIdentityClaimsAndPosition() {
        String line = Fixtures.fixtureLines().get(54); // D26, invalid ETH signature
        byte[] payload = line.getBytes(StandardCharsets.UTF_8);
        Verdict verdict = VERIFIER.verify(new RawMessage(1, 99L, 5L, payload));

        Rejection rejection = verdict.rejected();
        assertThat(rejection.errorCode()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        assertThat(rejection.reason()).startsWith("The signature of the message is invalid");
        assertThat(rejection.rejectionId()).isEqualTo(ItemHashes.sha256Hex(payload));
        assertThat(rejection.itemHash()).isEqualTo("af2e19894099d954f3d1fa274547f62484bc2d93964658547deecc70316acc72");
        assertThat(verdict.itemHash()).isEqualTo(rejection.itemHash());
        assertThat(rejection.sender()).isEqualTo("0x696879aE4F6d8DaDD5b8F1cbb1e663B89b08f106");
        assertThat(rejection.chain()).isEqualTo("ETH");
        assertThat(rejection.type()).isEqualTo("STORE");
        assertThat(rejection.raw()).isEqualTo(line);
        assertThat(rejection.rawLength()).isEqualTo(payload.length);
        assertThat(rejection.partition()).isEqualTo(1);
        assertThat(rejection.offset()).isEqualTo(99L);
        assertThat(rejection.receivedMillis()).isEqualTo(5L);
    }

    @Test
    void unknownClaimedValuesAreStillReported() {
        Verdict verdict = VERIFIER.verifyLine(Fixtures.fixtureLines().get(20)); // B09, chain MEGA_CHAIN
        assertThat(verdict.rejected().errorCode()).isEqualTo(ErrorCode.INVALID_FORMAT);
        assertThat(verdict.rejected().chain()).isEqualTo("MEGA_CHAIN");
        assertThat(verdict.rejected().itemHash()).isNotNull();
    }

    @Test
    void chainsWithoutAReferenceVerifierAreFormatErrors() {
        for (String chain : new String[] {"AURORA", "STT"}) {
            Verdict verdict = VERIFIER.verifyLine(Fixtures.fixtureLines().get(0).replace("\"chain\": \"ETH\"", "\"chain\": \"" + chain + "\""));
            assertThat(verdict.rejected().errorCode()).isEqualTo(ErrorCode.INVALID_FORMAT);
            assertThat(verdict.rejected().reason()).isEqualTo("Unknown chain for validation: " + chain);
        }
    }

    @Test
    void familiesWithoutAVerifierYetAreInvalidSignatures() {
        SignatureVerifiers evmOnly = SignatureVerifiers.builder()
                .register(Chain.Family.EVM, new EvmVerifier())
                .build();
        Verdict verdict = new MessageVerifier(evmOnly).verifyLine(Fixtures.fixtureLines().get(1)); // A02, SOL
        assertThat(verdict.rejected().errorCode()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        assertThat(verdict.rejected().reason()).isEqualTo(SignatureVerifiers.NOT_SUPPORTED_YET + ": SOL");
    }

    @Test
    void unexpectedVerifierErrorsAreInternalErrors() {
        String line = Fixtures.fixtureLines().get(1); // A02, SOL
        String withoutSignatureKey = line.replace("{\\\"signature\\\": ", "{\\\"sig\\\": ");
        assertThat(withoutSignatureKey).isNotEqualTo(line);
        Verdict verdict = VERIFIER.verifyLine(withoutSignatureKey);
        assertThat(verdict.rejected().errorCode()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(verdict.rejected().reason()).contains("KeyError");
    }

    @Test
    void aVerifierThatThrowsStillYieldsAVerdict() {
        SignatureVerifiers throwing = SignatureVerifiers.builder()
                .register(Chain.Family.EVM, payload -> {
                    throw new IllegalStateException("boom");
                })
                .build();
        Verdict verdict = new MessageVerifier(throwing).verifyLine(Fixtures.fixtureLines().get(0));
        assertThat(verdict.rejected().errorCode()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(verdict.rejected().reason()).contains("boom");
        SignatureVerifiers failing = SignatureVerifiers.builder()
                .register(Chain.Family.EVM, payload -> SignatureResult.unexpectedError("native library missing"))
                .build();
        assertThat(new MessageVerifier(failing).verifyLine(Fixtures.fixtureLines().get(0)).rejected().errorCode())
                .isEqualTo(ErrorCode.INTERNAL_ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n", "null", "42", "\"text\"", "[]", "[{}]", "true", "{", "{\"type\":", "{\"type\":\"POST\"",
        "NaN", "{\"type\":\"POST\",}", "\uFEFF{}", "{}", "{\"a\":1}{\"b\":2}"})
    void malformedInputIsRejectedAsInvalidFormat(String input) {
        Verdict verdict = VERIFIER.verifyLine(input);
        assertThat(verdict.isAccepted()).isFalse();
        assertThat(verdict.rejected().errorCode()).isEqualTo(ErrorCode.INVALID_FORMAT);
        assertThat(verdict.rejected().rejectionId()).isEqualTo(ItemHashes.sha256Hex(input.getBytes(StandardCharsets.UTF_8)));
        assertThat(verdict.rejected().raw()).isEqualTo(input);
        assertThat(verdict.itemHash()).isNull();
    }

    @Test
    void everyTruncationOfAValidMessageIsRejected() {
        byte[] full = Fixtures.fixtureLines().get(1).getBytes(StandardCharsets.UTF_8);
        for (int length = 0; length < full.length; length++) {
            Verdict verdict = VERIFIER.verify(new RawMessage(0, length, 0, Arrays.copyOf(full, length)));
            assertThat(verdict.isAccepted()).as("truncated to %d bytes", length).isFalse();
            assertThat(verdict.rejected().errorCode()).isEqualTo(ErrorCode.INVALID_FORMAT);
        }
    }

    @Test
    void nonUtf8InputIsRejectedAndKeptReadable() {
        byte[] latin1 = "{\"sender\":\"é\"}".getBytes(StandardCharsets.ISO_8859_1);
        Verdict verdict = VERIFIER.verify(new RawMessage(0, 0, 0, latin1));
        assertThat(verdict.rejected().errorCode()).isEqualTo(ErrorCode.INVALID_FORMAT);
        assertThat(verdict.rejected().reason()).contains("UTF-8");
        assertThat(verdict.rejected().raw()).isEqualTo("{\"sender\":\"\uFFFD\"}");
        assertThat(verdict.rejected().rawLength()).isEqualTo(latin1.length);

        byte[] utf16 = Fixtures.fixtureLines().get(0).getBytes(StandardCharsets.UTF_16);
        assertThat(VERIFIER.verify(new RawMessage(0, 0, 0, utf16)).rejected().errorCode()).isEqualTo(ErrorCode.INVALID_FORMAT);
        assertThat(VERIFIER.verify(new RawMessage(0, 0, 0, null)).rejected().errorCode()).isEqualTo(ErrorCode.INVALID_FORMAT);
    }

    @Test
    void randomBytesAreRejectedNeverThrown() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            if (i % 2 == 0 && bytes.length > 0) {
                bytes[0] = '{';
            }
            Verdict verdict = VERIFIER.verify(new RawMessage(0, i, 0, bytes));
            assertThat(verdict.isAccepted()).isFalse();
            assertThat(verdict.rejected().errorCode()).isEqualTo(ErrorCode.INVALID_FORMAT);
        }
    }

    @Test
    void oversizedInputIsRejectedWithTheRawTextCut() {
        EthereumSigner signer = DemoKeys.ethereum(0);
        ObjectNode content = AlephJson.nodes().objectNode();
        content.put("address", signer.address());
        content.put("time", 1.0);
        content.put("body", "é".repeat(1_000_000));
        String envelope = MessageBuilder.of(MessageType.POST, content).time(1.0).build(signer);
        byte[] payload = envelope.getBytes(StandardCharsets.UTF_8);

        Verdict verdict = VERIFIER.verify(new RawMessage(0, 0, 0, payload));

        assertThat(verdict.rejected().errorCode()).isEqualTo(ErrorCode.INVALID_FORMAT);
        assertThat(verdict.rejected().reason()).isEqualTo("Message too long");
        assertThat(verdict.rejected().raw()).hasSize(Rejection.MAX_RAW_CHARS).isEqualTo(envelope.substring(0, Rejection.MAX_RAW_CHARS));
        assertThat(verdict.rejected().rawLength()).isEqualTo(payload.length);
        assertThat(verdict.rejected().sender()).isEqualTo(signer.address());
    }

    @Test
    void rawTextIsNotCutInsideASurrogatePair() {
        String text = "a".repeat(Rejection.MAX_RAW_CHARS - 1) + "😀" + "b";
        String cut = MessageVerifier.rawText(text.getBytes(StandardCharsets.UTF_8));
        assertThat(cut).hasSize(Rejection.MAX_RAW_CHARS - 1).isEqualTo("a".repeat(Rejection.MAX_RAW_CHARS - 1));
    }

    @Test
    void stringsBeyondTheParserLimitAreRejected() {
        String huge = "{\"type\":\"POST\",\"padding\":\"" + "a".repeat(21_000_000) + "\"}";
        Verdict verdict = VERIFIER.verifyLine(huge);
        assertThat(verdict.rejected().errorCode()).isEqualTo(ErrorCode.INVALID_FORMAT);
        assertThat(verdict.rejected().raw()).hasSize(Rejection.MAX_RAW_CHARS);
    }

    @Test
    void deeplyNestedInputIsRejectedWithoutStackOverflow() {
        String deep = "{\"type\":\"POST\",\"x\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}";
        assertThat(VERIFIER.verifyLine(deep).rejected().errorCode()).isEqualTo(ErrorCode.INVALID_FORMAT);
    }

    @Test
    void rejectionIdIsStableAcrossReplays() {
        String line = Fixtures.fixtureLines().get(49); // D21, hash mismatch
        Verdict first = VERIFIER.verify(new RawMessage(0, 1, 1, line.getBytes(StandardCharsets.UTF_8)));
        Verdict replay = VERIFIER.verify(new RawMessage(2, 7, 9, line.getBytes(StandardCharsets.UTF_8)));
        assertThat(first.rejected().rejectionId()).isEqualTo(replay.rejected().rejectionId());
        Verdict otherCopy = VERIFIER.verifyLine(line + " ");
        assertThat(otherCopy.rejected().rejectionId()).isNotEqualTo(first.rejected().rejectionId());
        assertThat(otherCopy.rejected().itemHash()).isEqualTo(first.rejected().itemHash());
    }

    private static JsonNode parse(String json) {
        try {
            return AlephJson.parse(json);
        } catch (AlephJsonException e) {
            throw new AssertionError(e);
        }
    }
}
