package cloud.aleph.flink.operators.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Pure Java public-key recovery on Bouncy Castle's specialised secp256k1 curve (3.5× faster than
 * the generic SECNamedCurves one): Q = r⁻¹(s·R − e·G) computed as one Shamir double multiplication.
 * Stateless and thread-safe.
 */
public final class BouncyCastleSecp256k1Recovery implements Secp256k1Recovery {

    static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    static final BigInteger N = CURVE.getN();

    @Override
    public byte[] recover(byte[] messageHash, byte[] r, byte[] s, int recoveryId) {
        BigInteger rValue = new BigInteger(1, r);
        BigInteger sValue = new BigInteger(1, s);
        if ((recoveryId & ~1) != 0 || rValue.signum() <= 0 || rValue.compareTo(N) >= 0
                || sValue.signum() <= 0 || sValue.compareTo(N) >= 0) {
            return null;
        }
        // R has x = r (recovery ids 2 and 3, x = r + n, are never produced by 27/28 signatures).
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (0x02 | recoveryId);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, rValue), 0, compressed, 1, 32);
        ECPoint pointR;
        try {
            pointR = CURVE.getCurve().decodePoint(compressed);
        } catch (IllegalArgumentException notOnCurve) {
            return null;
        }
        BigInteger e = new BigInteger(1, messageHash);
        BigInteger rInverse = rValue.modInverse(N);
        BigInteger a = e.negate().multiply(rInverse).mod(N);
        BigInteger b = sValue.multiply(rInverse).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), a, pointR, b).normalize();
        if (q.isInfinity()) {
            return null;
        }
        byte[] encoded = q.getEncoded(false);
        byte[] xy = new byte[64];
        System.arraycopy(encoded, 1, xy, 0, 64);
        return xy;
    }
}
