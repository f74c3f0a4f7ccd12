package cloud.aleph.flink.operators.crypto.sr25519;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.crypto.codec.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

class SchnorrkelPrimitivesTest {

    @Test
    void keccakPermutationMatchesBouncyCastlesKeccak256() {
        Random random = new Random(1);
        for (int length : new int[] {0, 1, 135, 136, 137, 500}) {
            byte[] message = new byte[length];
            random.nextBytes(message);
            KeccakDigest reference = new KeccakDigest(256);
            reference.update(message, 0, message.length);
            byte[] expected = new byte[32];
            reference.doFinal(expected, 0);
            assertThat(keccak256(message)).as("length %d", length).isEqualTo(expected);
        }
    }

    @Test
    void merlinMatchesItsPublishedTestVector() {
        MerlinTranscript transcript = new MerlinTranscript("test protocol");
        transcript.appendMessage("some label", "some data".getBytes(StandardCharsets.US_ASCII));
        assertThat(Hex.encode(transcript.challengeBytes("challenge", 32)))
                .isEqualTo("d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615");
    }

    @Test
    void merlinTranscriptsCopyIndependently() {
        MerlinTranscript original = new MerlinTranscript("p");
        MerlinTranscript copy = original.copy();
        original.appendMessage("l", new byte[] {1});
        copy.appendMessage("l", new byte[] {1});
        assertThat(original.challengeBytes("c", 64)).isEqualTo(copy.challengeBytes("c", 64));
        original.appendMessage("l", new byte[] {2});
        copy.appendMessage("l", new byte[] {3});
        assertThat(original.challengeBytes("c", 64)).isNotEqualTo(copy.challengeBytes("c", 64));
    }

    @Test
    void ristrettoDecodesWhatItEncodesAndRefusesNonCanonicalEncodings() {
        Random random = new Random(5);
        for (int i = 0; i < 20; i++) {
            EdwardsPoint point = EdwardsPoint.BASE.times(new BigInteger(256, random));
            byte[] encoded = Ristretto255.encode(point);
            EdwardsPoint decoded = Ristretto255.decode(encoded).orElseThrow();
            assertThat(Ristretto255.encode(decoded)).isEqualTo(encoded);
        }
        byte[] odd = Hex.decode("0100000000000000000000000000000000000000000000000000000000000000");
        assertThat(Ristretto255.decode(odd)).isEmpty();
        byte[] pAsEncoding = Hex.decode("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        assertThat(Ristretto255.decode(pAsEncoding)).isEmpty();
        // RFC 9496 §A.2: a non-square x^2 is one of the invalid encodings
        assertThat(Ristretto255.decode(Hex.decode("26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371"))).isEmpty();
    }

    @Test
    void ownSignaturesVerifyAndTamperedOnesDoNot() {
        Sr25519TestSigner signer = new Sr25519TestSigner(3);
        byte[] message = "DOT\nsender\nPOST\nhash".getBytes(StandardCharsets.UTF_8);
        byte[] signature = signer.sign(message);
        assertThat(Sr25519.verify(signature, message, signer.publicKey())).isTrue();
        byte[] otherMessage = message.clone();
        otherMessage[0] ^= 1;
        assertThat(Sr25519.verify(signature, otherMessage, signer.publicKey())).isFalse();
        byte[] tampered = signature.clone();
        tampered[40] ^= 1;
        assertThat(Sr25519.verify(tampered, message, signer.publicKey())).isFalse();
        byte[] nonCanonical = signature.clone();
        byte[] sPlusL = Field25519.toLittleEndian32(Field25519.fromLittleEndian(Arrays.copyOfRange(signature, 32, 64))
                .clearBit(255).add(Sr25519.L));
        System.arraycopy(sPlusL, 0, nonCanonical, 32, 32);
        nonCanonical[63] |= (byte) 0x80;
        assertThat(Sr25519.structuralProblem(nonCanonical, signer.publicKey())).contains("signature scalar is not canonical");
    }

    private static byte[] keccak256(byte[] message) {
        int rate = 136;
        byte[] state = new byte[200];
        int padded = (message.length / rate + 1) * rate;
        byte[] input = Arrays.copyOf(message, padded);
        input[message.length] ^= 0x01;
        input[padded - 1] ^= (byte) 0x80;
        for (int block = 0; block < padded; block += rate) {
            for (int i = 0; i < rate; i++) {
                state[i] ^= input[block + i];
            }
            Keccak1600.permute(state);
        }
        return Arrays.copyOf(state, 32);
    }
}
