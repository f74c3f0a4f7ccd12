package cloud.aleph.flink.operators.crypto;

import static cloud.aleph.flink.operators.crypto.SignedPayloadFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.crypto.SignatureResult.Outcome;
import cloud.aleph.flink.operators.crypto.codec.Base58;
import cloud.aleph.flink.operators.crypto.codec.BitcoinVarInt;
import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.crypto.ecc.DerSignature;
import cloud.aleph.flink.operators.crypto.ecc.Secp256k1;
import cloud.aleph.flink.operators.crypto.nuls.NulsAddress;
import cloud.aleph.flink.operators.crypto.nuls.NulsSignatureBlob;
import cloud.aleph.flink.operators.hash.Digests;
import cloud.aleph.flink.operators.model.Chain;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NulsVerifierTest {

    private final NulsVerifier verifier = new NulsVerifier();

    @Test
    void rejectsGenuineNuls1SignaturesAsTheReferenceDoes() {
        for (int lineNumber : new int[] {24, 28}) {
            SignedPayload genuine = line(lineNumber);
            SignatureResult result = verifier.verify(genuine);
            assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
            assertThat(result.reason()).isEqualTo("The signature of the message is invalid");
            // they are real signatures: over the raw bytes, without the repr quirk, they verify
            assertThat(verifiesOverRawBytes(genuine)).as("line %d over raw bytes", lineNumber).isTrue();
        }
    }

    @Test
    void rejectsANonHexSignature() {
        SignatureResult result = verifier.verify(line(26));
        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void rejectsAKeyThatIsNotACurvePoint() {
        SignatureResult result = verifier.verify(line(27));
        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void acceptsASignatureMadeOverTheQuirkyReprText() {
        EcdsaTestSigner signer = new EcdsaTestSigner(new BigInteger("112233445566778899001122334455667788990011"));
        SignedPayload genuine = line(28);
        int chainId = NulsAddress.chainId(Arrays.copyOf(Base58.decode(genuine.sender()), 23)).getAsInt();
        String sender = NulsAddress.nuls1(NulsAddress.keyHash(chainId, signer.compressedPublicKey()));
        assertThat(sender).startsWith("TTa");
        SignedPayload unsigned = new SignedPayload(Chain.NULS, sender, "AGGREGATE", genuine.itemHash(), "", genuine.time());

        byte[] quirkText = NulsVerifier.signedText(unsigned.verificationBuffer());
        String signature = blob(signer, Digests.sha256(quirkText));
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, signature))).isEqualTo(SignatureResult.valid());

        // the same key signing the raw bytes (what a NULS wallet does) is rejected
        String rawSignature = blob(signer, Digests.sha256(rawMessage(unsigned.verificationBuffer())));
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, rawSignature)).outcome()).isEqualTo(Outcome.INVALID);

        // tampering with any signed field breaks it
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(SignedPayloadFixtures.withItemHash(unsigned, "QmfDkHXdGND7e8uwJr4yvXSAvbPc8rothM6UN5ABQPsLkG"), signature)).outcome())
                .isEqualTo(Outcome.INVALID);
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(SignedPayloadFixtures.withType(unsigned, "AGGREGATF"), signature)).outcome())
                .isEqualTo(Outcome.INVALID);
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(SignedPayloadFixtures.withChain(unsigned, Chain.NULS2), signature)).outcome())
                .isEqualTo(Outcome.INVALID);
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, SignedPayloadFixtures.replaceAt(signature, 100, SignedPayloadFixtures.HEX))).outcome())
                .isEqualTo(Outcome.INVALID);
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(SignedPayloadFixtures.withSender(unsigned, SignedPayloadFixtures.replaceAt(sender, 12, SignedPayloadFixtures.BASE58)), signature)).outcome())
                .isEqualTo(Outcome.INVALID);
    }

    @Test
    void signsTheTextPythonFormatsFromTheBytesObject() {
        // "\x18NULS Signed Message:\n{}".format(varint + buffer) as printed by CPython for fixture line 24
        String expected = "\u0018NULS Signed Message:\nb'^NULS\\nTTanii7eCT93f45g2UpKH81mxpVNcCYw\\nAGGREGATE"
                + "\\nQmfDkHXdGND7e8uwJr4yvXSAvbPc8rothM6UN5ABQPsLkF'";
        assertThat(new String(NulsVerifier.signedText(line(24).verificationBuffer()), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void refusesAHighSTwinLikeLibsecp256k1() {
        EcdsaTestSigner signer = new EcdsaTestSigner(new BigInteger("5566778899"));
        String sender = NulsAddress.nuls1(NulsAddress.keyHash(261, signer.compressedPublicKey()));
        SignedPayload unsigned = new SignedPayload(Chain.NULS, sender, "POST", "ab".repeat(32), "", 1.0);
        BigInteger[] rs = signer.signLowS(Digests.sha256(NulsVerifier.signedText(unsigned.verificationBuffer())));
        String lowS = blob(signer.compressedPublicKey(), der(rs[0], rs[1]));
        String highS = blob(signer.compressedPublicKey(), der(rs[0], Secp256k1.N.subtract(rs[1])));
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, lowS))).isEqualTo(SignatureResult.valid());
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, highS)).outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void truncatedBlobsAreUnexpectedErrorsAsPythonIndexErrorsAre() {
        SignedPayload p = line(24);
        // one byte: the public key length says 0x21 bytes, then the ecc type byte is missing
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(p, "21")).outcome()).isEqualTo(Outcome.UNEXPECTED_ERROR);
        // whitespace only: fromhex gives no byte at all
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(p, " ")).outcome()).isEqualTo(Outcome.UNEXPECTED_ERROR);
        // a 4-byte length marker with fewer than 4 bytes behind it: struct.error
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(p, "fe0102")).outcome()).isEqualTo(Outcome.UNEXPECTED_ERROR);
        // a sender that decodes to fewer than two hash bytes
        assertThat(verifier.verify(SignedPayloadFixtures.withSender(p, "2")).outcome()).isEqualTo(Outcome.UNEXPECTED_ERROR);
        // a bad base58 sender is a ValueError
        assertThat(verifier.verify(SignedPayloadFixtures.withSender(p, "TTanii7eCT93f45g2UpKH81mxpVNcCY0")).outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void parsesBlobsWithPythonSliceSemantics() {
        NulsSignatureBlob blob = NulsSignatureBlob.parse(Hex.decode("02aabb0005010203"));
        assertThat(blob.publicKey()).containsExactly(0xaa, 0xbb);
        assertThat(blob.signature()).containsExactly(1, 2, 3);
        assertThat(DerSignature.parse(Hex.decode("3006020101020101"), Secp256k1.N)).isPresent();
        assertThat(DerSignature.parse(Hex.decode("300602010102010100"), Secp256k1.N)).isEmpty();
        assertThat(DerSignature.parse(Hex.decode("30070202000102010100"), Secp256k1.N)).isEmpty();
        assertThat(DerSignature.parse(Hex.decode("3006020181020101"), Secp256k1.N).orElseThrow().r()).isZero();
    }

    private static boolean verifiesOverRawBytes(SignedPayload payload) {
        NulsSignatureBlob blob = NulsSignatureBlob.parse(Hex.decode(payload.signature()));
        DerSignature.Parsed rs = DerSignature.parse(blob.signature(), Secp256k1.N).orElseThrow();
        byte[] digest = Digests.sha256(rawMessage(payload.verificationBuffer()));
        return Secp256k1.verifyLowS(Secp256k1.parsePublicKey(blob.publicKey()), digest, rs.r(), rs.s());
    }

    private static byte[] rawMessage(byte[] buffer) {
        return EcdsaTestSigner.concat("\u0018NULS Signed Message:\n".getBytes(StandardCharsets.UTF_8), BitcoinVarInt.encode(buffer.length), buffer);
    }

    private static String blob(EcdsaTestSigner signer, byte[] digest) {
        return TestSigners.nulsSignatureBlob(signer, digest);
    }

    private static String blob(byte[] publicKey, byte[] der) {
        return TestSigners.nulsSignatureBlob(publicKey, der);
    }

    private static byte[] der(BigInteger r, BigInteger s) {
        return TestSigners.der(r, s);
    }
}
