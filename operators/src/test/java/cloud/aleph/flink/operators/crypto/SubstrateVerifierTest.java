package cloud.aleph.flink.operators.crypto;

import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.HEX;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.line;
import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.replaceAt;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.crypto.SignatureResult.Outcome;
import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.crypto.sr25519.Sr25519TestSigner;
import cloud.aleph.flink.operators.model.Chain;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SubstrateVerifierTest {

    private final SubstrateVerifier verifier = new SubstrateVerifier();

    @Test
    void acceptsTheFixtureSignedOverTheRawBuffer() {
        assertThat(verifier.verify(line(5))).isEqualTo(SignatureResult.valid());
    }

    @Test
    void acceptsTheFixtureSignedByTheBrowserExtensionOverTheWrappedBuffer() {
        assertThat(verifier.verify(line(6))).isEqualTo(SignatureResult.valid());
    }

    @Test
    void rejectsSingleCharacterChangesOfEverySignedField() {
        for (int lineNumber : new int[] {5, 6}) {
            SignedPayload p = line(lineNumber);
            String data = p.signature().substring(p.signature().indexOf("0x") + 2, p.signature().lastIndexOf('"'));
            for (int index : new int[] {0, 17, 63, 64, 100, 126}) {
                String tampered = p.signature().replace(data, replaceAt(data, index, HEX));
                assertRejected(SignedPayloadFixtures.withSignature(p, tampered));
            }
            assertRejected(SignedPayloadFixtures.withSender(p, replaceAt(p.sender(), 20, SignedPayloadFixtures.BASE58)));
            assertRejected(SignedPayloadFixtures.withChain(p, Chain.SOL));
            assertRejected(SignedPayloadFixtures.withType(p, replaceAt(p.type(), 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")));
            assertRejected(SignedPayloadFixtures.withItemHash(p, replaceAt(p.itemHash(), 40, HEX)));
        }
    }

    @Test
    void roundTripsOwnKeysOnBothForms() {
        Sr25519TestSigner signer = new Sr25519TestSigner(7);
        SignedPayload unsigned = new SignedPayload(Chain.DOT, signer.ss58Address(), "POST",
                "2f6e60df7ce1cdb2fb3be8ec09ffd20b5b781338984ff5f6f33830943f4397ba", "", 1.0);
        byte[] buffer = unsigned.verificationBuffer();
        String raw = signatureJson(signer.sign(buffer));
        byte[] wrapped = ("<Bytes>" + unsigned.verificationText() + "</Bytes>").getBytes(StandardCharsets.UTF_8);
        String wrappedSig = signatureJson(signer.sign(wrapped));
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, raw))).isEqualTo(SignatureResult.valid());
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, wrappedSig))).isEqualTo(SignatureResult.valid());
        // the curve defaults to sr25519; the public key may be given as 0x-hex instead of SS58
        String noCurve = "{\"data\": \"0x" + Hex.encode(signer.sign(buffer)) + "\"}";
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, noCurve))).isEqualTo(SignatureResult.valid());
        SignedPayload hexSender = new SignedPayload(Chain.DOT, "0x" + Hex.encode(signer.publicKey()), "POST", unsigned.itemHash(), "", 1.0);
        String hexSenderSig = signatureJson(signer.sign(hexSender.verificationBuffer()));
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(hexSender, hexSenderSig))).isEqualTo(SignatureResult.valid());
    }

    @Test
    void rejectsASignatureWithoutTheSchnorrkelMarkerBit() {
        Sr25519TestSigner signer = new Sr25519TestSigner(11);
        SignedPayload unsigned = new SignedPayload(Chain.DOT, signer.ss58Address(), "POST", "ab".repeat(32), "", 1.0);
        byte[] signature = signer.sign(unsigned.verificationBuffer());
        signature[63] &= 0x7F;
        SignatureResult result = verifier.verify(SignedPayloadFixtures.withSignature(unsigned, signatureJson(signature)));
        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(result.reason()).contains("marked");
    }

    @Test
    void rejectsMalformedInputWithoutThrowing() {
        SignedPayload p = line(5);
        String data = p.signature().substring(p.signature().indexOf("0x"), p.signature().lastIndexOf('"'));
        String[] badSignatures = {
            "not json",
            "[1, 2]",
            "{\"curve\": \"ed25519\", \"data\": \"" + data + "\"}",
            "{\"curve\": null, \"data\": \"" + data + "\"}",
            "{\"curve\": \"sr25519\"}",
            "{\"curve\": \"sr25519\", \"data\": \"" + data.substring(2) + "\"}",
            "{\"curve\": \"sr25519\", \"data\": 12}",
            "{\"curve\": \"sr25519\", \"data\": \"0xzz\"}",
            "{\"curve\": \"sr25519\", \"data\": \"" + data.substring(0, data.length() - 2) + "\"}",
            "{\"curve\": \"sr25519\", \"data\": \"0x" + "ff".repeat(64) + "\"}",
        };
        for (String signature : badSignatures) {
            assertRejected(SignedPayloadFixtures.withSignature(p, signature));
        }
        for (String sender : new String[] {"", "0x1234", "5CGNMKCscqN2QNcT7Jtuz23ab7JUxh8wTEtXhECZLJn5vCG0", "l", "0x" + "00".repeat(32)}) {
            assertRejected(SignedPayloadFixtures.withSender(p, sender));
        }
    }

    private void assertRejected(SignedPayload payload) {
        SignatureResult result = verifier.verify(payload);
        assertThat(result.outcome()).as("%s / %s", payload.sender(), payload.signature()).isEqualTo(Outcome.INVALID);
        assertThat(result.reason()).isNotBlank();
    }

    private static String signatureJson(byte[] signature) {
        return "{\"curve\": \"sr25519\", \"data\": \"0x" + Hex.encode(signature) + "\"}";
    }
}
