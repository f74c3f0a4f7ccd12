package cloud.aleph.flink.operators.crypto.ecc;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Public-key recovery from a compact recoverable signature, as libsecp256k1's
 * {@code secp256k1_ecdsa_recover} (through coincurve) does it for NULS2 and AVAX: r and s in
 * [1, n-1] (high S accepted), recovery id 0..3, x = r (+ n when bit 1 is set, which must stay below
 * p), y parity from bit 0, Q = r^-1 (sR - eG), not the point at infinity.
 */
public final class Secp256k1Recovery {

    private Secp256k1Recovery() {}

    /**
     * @param rs 64 bytes r || s, big-endian
     * @param recoveryId 0..3
     * @param digest32 the message digest
     * @throws IllegalArgumentException when no key can be recovered
     */
    public static ECPoint recover(byte[] rs, int recoveryId, byte[] digest32) {
        if (rs.length != 64) {
            throw new IllegalArgumentException("signature must be 64 bytes");
        }
        if (recoveryId < 0 || recoveryId > 3) {
            throw new IllegalArgumentException("Invalid recovery id.");
        }
        BigInteger n = Secp256k1.N;
        BigInteger r = EcdsaMath.unsigned(rs, 0, 32);
        BigInteger s = EcdsaMath.unsigned(rs, 32, 64);
        if (r.signum() == 0 || r.compareTo(n) >= 0 || s.signum() == 0 || s.compareTo(n) >= 0) {
            throw new IllegalArgumentException("Failed to parse recoverable signature.");
        }
        ECCurve curve = Secp256k1.DOMAIN.getCurve();
        BigInteger x = (recoveryId & 2) != 0 ? r.add(n) : r;
        if (x.compareTo(curve.getField().getCharacteristic()) >= 0) {
            throw new IllegalArgumentException("failed to recover ECDSA public key");
        }
        byte[] compressedR = new byte[33];
        compressedR[0] = (byte) ((recoveryId & 1) != 0 ? 3 : 2);
        byte[] xBytes = BigIntegers.asUnsignedByteArray(32, x);
        System.arraycopy(xBytes, 0, compressedR, 1, 32);
        ECPoint pointR;
        try {
            pointR = curve.decodePoint(compressedR);
        } catch (IllegalArgumentException notOnCurve) {
            throw new IllegalArgumentException("failed to recover ECDSA public key", notOnCurve);
        }
        BigInteger e = new BigInteger(1, digest32).mod(n);
        BigInteger rInverse = r.modInverse(n);
        BigInteger u1 = e.negate().multiply(rInverse).mod(n);
        BigInteger u2 = s.multiply(rInverse).mod(n);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.DOMAIN.getG(), u1, pointR, u2).normalize();
        if (q.isInfinity()) {
            throw new IllegalArgumentException("failed to recover ECDSA public key");
        }
        return q;
    }
}
