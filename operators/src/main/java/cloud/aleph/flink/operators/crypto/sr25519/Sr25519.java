package cloud.aleph.flink.operators.crypto.sr25519;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * sr25519 (schnorrkel) signature verification as py-sr25519-bindings does it: signing context
 * {@code "substrate"}, {@code verify_simple}, signatures must carry schnorrkel's marker bit (bit 7
 * of byte 63) and a canonical s. Verification: k = challenge(transcript(ctx, msg, A, R)),
 * accept iff encode(s*B - k*A) equals the R bytes.
 */
public final class Sr25519 {

    public static final int PUBLIC_KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    /** Order of the ristretto255 group. */
    static final BigInteger L = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

    private static final String SUBSTRATE_CONTEXT = "substrate";

    private Sr25519() {}

    /** Why a key or signature cannot even be parsed (schnorrkel raises, the Python binding turns it into ValueError). */
    public static Optional<String> structuralProblem(byte[] signature, byte[] publicKey) {
        if (signature.length != SIGNATURE_LENGTH) {
            return Optional.of("signature must be 64 bytes");
        }
        if (publicKey.length != PUBLIC_KEY_LENGTH) {
            return Optional.of("public key must be 32 bytes");
        }
        if ((signature[63] & 0x80) == 0) {
            return Optional.of("signature is not marked as schnorrkel");
        }
        if (decodeScalar(signature).compareTo(L) >= 0) {
            return Optional.of("signature scalar is not canonical");
        }
        if (Ristretto255.decode(publicKey).isEmpty()) {
            return Optional.of("public key is not a ristretto255 point");
        }
        return Optional.empty();
    }

    /** {@code verify_simple(b"substrate", message, signature)}; false for any structural problem too. */
    public static boolean verify(byte[] signature, byte[] message, byte[] publicKey) {
        if (structuralProblem(signature, publicKey).isPresent()) {
            return false;
        }
        EdwardsPoint a = Ristretto255.decode(publicKey).orElseThrow();
        byte[] r = Arrays.copyOfRange(signature, 0, 32);
        BigInteger s = decodeScalar(signature);
        BigInteger k = challenge(publicKey, r, message);
        EdwardsPoint check = EdwardsPoint.doubleMultiply(k, a.negate(), s, EdwardsPoint.BASE);
        return Arrays.equals(Ristretto255.encode(check), r);
    }

    static BigInteger challenge(byte[] publicKey, byte[] r, byte[] message) {
        MerlinTranscript transcript = new MerlinTranscript("SigningContext");
        transcript.appendMessage("", SUBSTRATE_CONTEXT.getBytes(StandardCharsets.US_ASCII));
        transcript.appendMessage("sign-bytes", message);
        transcript.appendMessage("proto-name", "Schnorr-sig".getBytes(StandardCharsets.US_ASCII));
        transcript.appendMessage("sign:pk", publicKey);
        transcript.appendMessage("sign:R", r);
        return Field25519.fromLittleEndian(transcript.challengeBytes("sign:c", 64)).mod(L);
    }

    private static BigInteger decodeScalar(byte[] signature) {
        byte[] upper = Arrays.copyOfRange(signature, 32, 64);
        upper[31] &= 0x7F;
        return Field25519.fromLittleEndian(upper);
    }
}
