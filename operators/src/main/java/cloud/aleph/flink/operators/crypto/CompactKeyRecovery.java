package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.crypto.ecc.Secp256k1;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * Key recovery from a compact recoverable signature (r‖s and a recovery id 0..3) with the checks
 * and messages of coincurve over libsecp256k1, which the reference uses for NULS2 and AVAX: r and s
 * in [1, n-1] (high S accepted), any of the four recovery ids, a key that is not the point at
 * infinity. Thread-safe when the recovery is.
 */
final class CompactKeyRecovery {

    private final Secp256k1Recovery recovery;

    CompactKeyRecovery(Secp256k1Recovery recovery) {
        this.recovery = Objects.requireNonNull(recovery);
    }

    /**
     * @param rs 64 bytes r‖s, big-endian
     * @param recoveryId 0..3
     * @param digest32 the message digest
     * @return the 33-byte SEC1 compressed public key
     * @throws IllegalArgumentException with coincurve's message when no key can be recovered
     */
    byte[] recoverCompressed(byte[] rs, int recoveryId, byte[] digest32) {
        if (rs.length != 64) {
            throw new IllegalArgumentException("signature must be 64 bytes");
        }
        if (recoveryId < 0 || recoveryId > 3) {
            throw new IllegalArgumentException("Invalid recovery id.");
        }
        byte[] r = Arrays.copyOfRange(rs, 0, 32);
        byte[] s = Arrays.copyOfRange(rs, 32, 64);
        if (!isScalar(r) || !isScalar(s)) {
            throw new IllegalArgumentException("Failed to parse recoverable signature.");
        }
        byte[] publicKey = recovery.recover(digest32, r, s, recoveryId);
        if (publicKey == null) {
            throw new IllegalArgumentException("failed to recover ECDSA public key");
        }
        return Secp256k1.compressed(publicKey);
    }

    /** In [1, n-1]. */
    private static boolean isScalar(byte[] value) {
        BigInteger number = new BigInteger(1, value);
        return number.signum() > 0 && number.compareTo(Secp256k1.N) < 0;
    }
}
