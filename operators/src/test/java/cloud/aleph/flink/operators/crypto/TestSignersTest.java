package cloud.aleph.flink.operators.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.signing.MessageBuilder;
import cloud.aleph.flink.operators.signing.MessageSigner;
import cloud.aleph.flink.operators.verify.MessageVerifier;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole messages signed by the test signer of each chain pass the full verification, and only for their own sender. */
class TestSignersTest {

    private static final MessageVerifier PURE_JAVA = new MessageVerifier(SignatureVerifiers.defaults());

    static Stream<Chain> chainsWithAVerifier() {
        return Arrays.stream(Chain.values()).filter(chain -> chain.family() != Chain.Family.NONE);
    }

    @ParameterizedTest
    @MethodSource("chainsWithAVerifier")
    void messagesOfEveryChainAreAcceptedWithEitherRecovery(Chain chain) throws Exception {
        MessageVerifier nativeRecovery = new MessageVerifier(SignatureVerifiers.defaults(NativeSecp256k1Recovery.load()));
        for (long seed = 0; seed < 3; seed++) {
            MessageSigner signer = TestSigners.forChain(chain, seed);
            assertThat(signer.chain()).isEqualTo(chain);
            String message = post(signer, "seed " + seed);

            Verdict pureJava = PURE_JAVA.verifyLine(message);
            assertThat(pureJava.isAccepted()).as("%s: %s", chain, pureJava.rejected()).isTrue();
            assertThat(pureJava.accepted().sender()).isEqualTo(signer.address());
            assertThat(nativeRecovery.verifyLine(message).isAccepted()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("chainsWithAVerifier")
    void aSignatureOfAnotherKeyIsAnInvalidSignature(Chain chain) throws Exception {
        MessageSigner signer = TestSigners.forChain(chain, 1);
        MessageSigner other = TestSigners.forChain(chain, 2);
        assertThat(other.address()).isNotEqualTo(signer.address());
        ObjectNode envelope = (ObjectNode) AlephJson.parse(post(signer, "owner"));
        envelope.put("signature", AlephJson.parse(post(other, "owner")).get("signature").textValue());

        Verdict verdict = PURE_JAVA.verifyLine(AlephJson.mapper().writeValueAsString(envelope));

        assertThat(verdict.isAccepted()).as(chain.wire()).isFalse();
        assertThat(verdict.rejected().errorCode()).as("%s: %s", chain, verdict.rejected().reason())
                .isEqualTo(ErrorCode.INVALID_SIGNATURE);
    }

    private static String post(MessageSigner signer, String body) {
        ObjectNode content = AlephJson.nodes().objectNode();
        content.put("address", signer.address());
        content.put("time", 1_700_000_000.0);
        content.put("type", "test");
        content.putObject("content").put("body", body);
        return MessageBuilder.of(MessageType.POST, content).time(1_700_000_000.0).build(signer);
    }
}
