package cloud.aleph.flink.operators.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.crypto.SignatureResult.Outcome;
import cloud.aleph.flink.operators.crypto.codec.Base58;
import cloud.aleph.flink.operators.hash.Digests;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.signing.DemoKeys;
import cloud.aleph.flink.operators.signing.SolanaSigner;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SolanaVerifierTest {

    private static final String HASH = "6dc1b023dd1e64d28037f49a921412b3e04cf7b2b3d2537c6ae0ad2c239eae3f";

    private final SolanaVerifier verifier = new SolanaVerifier();
    private final SolanaSigner signer = DemoKeys.solana(0);
    private final SignedPayload good = SignedPayloadFixtures.signed(signer, "POST", HASH);
    private final String signatureText = Base58.encode(signer.signRaw(good.verificationBuffer()));

    @ParameterizedTest(name = "fixture line {0}")
    @ValueSource(ints = {2, 73})
    void referenceSignaturesVerify(int line) {
        assertThat(verifier.verify(SignedPayloadFixtures.line(line)).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void ownSignaturesVerifyForSolAndEclipse() {
        assertThat(verifier.verify(good).isValid()).isTrue();
        SolanaSigner eclipse = new SolanaSigner(Chain.ES, sha("eclipse"));
        assertThat(verifier.verify(SignedPayloadFixtures.signed(eclipse, "AGGREGATE", HASH)).isValid()).isTrue();
    }

    @Test
    void anyChangeToTheSignedFieldsIsInvalid() {
        assertThat(verifier.verify(new SignedPayload(Chain.ES, good.sender(), good.type(), good.itemHash(), good.signature(), 0)).isValid()).isFalse();
        assertThat(verifier.verify(new SignedPayload(good.chain(), good.sender(), "STORE", good.itemHash(), good.signature(), 0)).isValid()).isFalse();
        assertThat(verifier.verify(new SignedPayload(good.chain(), good.sender(), good.type(), HASH.replace('6', '7'), good.signature(), 0)).isValid()).isFalse();
        byte[] tampered = Base58.decode(signatureText);
        tampered[10] ^= 1;
        assertThat(verify(doc(Base58.encode(tampered), signer.address(), null)).outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void senderMustEqualThePublicKeyExactly() {
        SolanaSigner other = DemoKeys.solana(1);
        // a valid signature by another key, claimed for our sender
        SignedPayload foreign = SignedPayloadFixtures.signedAs(other, signer.address(), "POST", HASH);
        assertThat(verifier.verify(foreign).isValid()).isFalse();
        // the right key, but the sender differs from publicKey by one character
        String sender = signer.address();
        String changed = sender.substring(0, sender.length() - 1) + (sender.endsWith("z") ? "y" : "z");
        assertThat(verifier.verify(SignedPayloadFixtures.withSender(good, changed)).isValid()).isFalse();
    }

    @Test
    void versionMustBeOneInPythonsSense() {
        for (String version : new String[] {"1", "1.0", "true", "1e0"}) {
            assertThat(verify(doc(signatureText, signer.address(), version)).outcome()).as(version).isEqualTo(Outcome.VALID);
        }
        for (String version : new String[] {"2", "0", "\"1\"", "null", "false", "NaN", "[1]"}) {
            assertThat(verify(doc(signatureText, signer.address(), version)).outcome()).as(version).isEqualTo(Outcome.INVALID);
        }
    }

    @Test
    void missingKeysAreUnexpectedErrorsAsKeyErrorsAreInTheReference() {
        assertThat(verify("{\"publicKey\": \"" + signer.address() + "\"}").outcome()).isEqualTo(Outcome.UNEXPECTED_ERROR);
        assertThat(verify("{\"signature\": \"" + signatureText + "\"}").outcome()).isEqualTo(Outcome.UNEXPECTED_ERROR);
        assertThat(verify("{}").outcome()).isEqualTo(Outcome.UNEXPECTED_ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "42", "null", "true"})
    void documentsThatAreNotObjectsAreUnexpectedErrors(String document) {
        assertThat(verify(document).outcome()).isEqualTo(Outcome.UNEXPECTED_ERROR);
    }

    @Test
    void nonStringValuesAreUnexpectedErrors() {
        assertThat(verify("{\"signature\": 5, \"publicKey\": \"" + signer.address() + "\"}").outcome())
                .isEqualTo(Outcome.UNEXPECTED_ERROR);
        assertThat(verify("{\"signature\": \"" + signatureText + "\", \"publicKey\": null}").outcome())
                .isEqualTo(Outcome.UNEXPECTED_ERROR);
    }

    @Test
    void decodingErrorsAreInvalid() {
        assertThat(verify("not json").outcome()).isEqualTo(Outcome.INVALID);
        assertThat(verify("").outcome()).isEqualTo(Outcome.INVALID);
        assertThat(verify("{\"signature\": \"0OIl\", \"publicKey\": \"" + signer.address() + "\"}").outcome())
                .isEqualTo(Outcome.INVALID);
        // the signature is decoded before publicKey is looked up: bad base58 wins over the missing key
        assertThat(verify("{\"signature\": \"0OIl\"}").outcome()).isEqualTo(Outcome.INVALID);
        assertThat(verify("{\"signature\": \"é\", \"publicKey\": \"" + signer.address() + "\"}").outcome())
                .isEqualTo(Outcome.INVALID);
        assertThat(verify(doc(signatureText, signer.address() + "0", null)).outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void wrongLengthsAreInvalid() {
        String shortSignature = Base58.encode(Arrays.copyOf(Base58.decode(signatureText), 63));
        assertThat(verify(doc(shortSignature, signer.address(), null)).outcome()).isEqualTo(Outcome.INVALID);
        assertThat(verify(doc("", signer.address(), null)).outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void base58ValuesLoseTrailingWhitespaceAsInPython() {
        assertThat(verify(doc(signatureText + " \\t\\n", signer.address(), null)).outcome()).isEqualTo(Outcome.VALID);
        assertThat(verify(doc(signatureText + "\\u00a0", signer.address(), null)).outcome()).isEqualTo(Outcome.VALID);
        assertThat(verify(doc(" " + signatureText, signer.address(), null)).outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void signatureJsonIsReadWithPythonsStandardDialect() {
        String withNan = "{\"publicKey\": \"" + signer.address() + "\", \"signature\": \"" + signatureText + "\", \"x\": NaN}";
        assertThat(verify(withNan).outcome()).isEqualTo(Outcome.VALID);
        String duplicated = "{\"signature\": \"junk\", \"publicKey\": \"" + signer.address() + "\", \"signature\": \"" + signatureText + "\"}";
        assertThat(verify(duplicated).outcome()).isEqualTo(Outcome.VALID);
        String compact = "{\"signature\":\"" + signatureText + "\",\"publicKey\":\"" + signer.address() + "\",\"version\":1}";
        assertThat(verify(compact).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void smallOrderRIsRefusedAsLibsodiumDoes() throws Exception {
        // A signer may pick nonce 0, so R is the identity point: the equation still holds and Bouncy
        // Castle's verify accepts it, but libsodium (pynacl) refuses small-order R.
        byte[] seed = sha("small order");
        byte[] publicKey = new byte[32];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        SignedPayload unsigned = new SignedPayload(Chain.SOL, Base58.encode(publicKey), "POST", HASH, null, 0);
        byte[] message = unsigned.verificationBuffer();

        byte[] h = MessageDigest.getInstance("SHA-512").digest(seed);
        byte[] scalarBytes = Arrays.copyOf(h, 32);
        scalarBytes[0] &= (byte) 248;
        scalarBytes[31] &= 127;
        scalarBytes[31] |= 64;
        BigInteger order = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
        byte[] identity = new byte[32];
        identity[0] = 1;
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        sha512.update(identity);
        sha512.update(publicKey);
        sha512.update(message);
        BigInteger k = littleEndian(sha512.digest()).mod(order);
        BigInteger s = k.multiply(littleEndian(scalarBytes)).mod(order);
        byte[] signature = new byte[64];
        System.arraycopy(identity, 0, signature, 0, 32);
        System.arraycopy(toLittleEndian32(s), 0, signature, 32, 32);

        assertThat(Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length)).isTrue();
        String document = "{\"publicKey\": \"" + Base58.encode(publicKey) + "\", \"signature\": \"" + Base58.encode(signature) + "\"}";
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, document)).outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void smallOrderPublicKeysAreRefused() throws Exception {
        // With A = identity, (R, S) = ([a]B, a) satisfies the cofactorless equation for any message.
        byte[] identityKey = new byte[32];
        identityKey[0] = 1;
        String sender = Base58.encode(identityKey);
        SignedPayload unsigned = new SignedPayload(Chain.SOL, sender, "POST", HASH, null, 0);
        byte[] seed = sha("any point");
        byte[] point = new byte[32];
        Ed25519.generatePublicKey(seed, 0, point, 0);
        byte[] h = MessageDigest.getInstance("SHA-512").digest(seed);
        byte[] scalarBytes = Arrays.copyOf(h, 32);
        scalarBytes[0] &= (byte) 248;
        scalarBytes[31] &= 127;
        scalarBytes[31] |= 64;
        BigInteger order = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
        byte[] signature = new byte[64];
        System.arraycopy(point, 0, signature, 0, 32);
        System.arraycopy(toLittleEndian32(littleEndian(scalarBytes).mod(order)), 0, signature, 32, 32);
        String document = "{\"publicKey\": \"" + sender + "\", \"signature\": \"" + Base58.encode(signature) + "\"}";
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(unsigned, document)).outcome()).isEqualTo(Outcome.INVALID);
    }

    private SignatureResult verify(String document) {
        return verifier.verify(SignedPayloadFixtures.withSignature(good, document));
    }

    private static String doc(String signature, String publicKey, String versionJson) {
        return "{\"signature\": \"" + signature + "\", \"publicKey\": \"" + publicKey + "\""
                + (versionJson == null ? "" : ", \"version\": " + versionJson) + "}";
    }

    private static byte[] sha(String text) {
        return Digests.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static BigInteger littleEndian(byte[] bytes) {
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, reversed);
    }

    private static byte[] toLittleEndian32(BigInteger value) {
        byte[] bigEndian = BigIntegers.asUnsignedByteArray(32, value);
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = bigEndian[31 - i];
        }
        return out;
    }
}
