package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.crypto.ecc.Secp256k1;
import java.math.BigInteger;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Pure Java public-key recovery on Bouncy Castle's specialised secp256k1 curve (3.5× faster than
 * the generic SECNamedCurves one): Q = r⁻¹(s·R − e·G) computed as one Shamir double multiplication.
 * Stateless and thread-safe.
 */
public final class BouncyCastleSecp256k1Recovery implements Secp256k1Recovery {

    private static final ECCurve CURVE = Secp256k1.DOMAIN.getCurve();
    private static final BigInteger N = Secp256k1.N;
    private static final BigInteger P = CURVE.getField().getCharacteristic();

    @Override
    public byte[] recover(byte[] messageHash, byte[] r, byte[] s, int recoveryId) {
        BigInteger rValue = new BigInteger(1, r);
        BigInteger sValue = new BigInteger(1, s);
        if ((recoveryId & ~3) != 0 || rValue.signum() <= 0 || rValue.compareTo(N) >= 0
                || sValue.signum() <= 0 || sValue.compareTo(N) >= 0) {
            return null;
        }
        BigInteger x = (recoveryId & 2) != 0 ? rValue.add(N) : rValue;
        if (x.compareTo(P) >= 0) {
            return null;
        }
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (0x02 | (recoveryId & 1));
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, x), 0, compressed, 1, 32);
        ECPoint pointR;
        try {
            pointR = CURVE.decodePoint(compressed);
        } catch (IllegalArgumentException notOnCurve) {
            return null;
        }
        BigInteger e = new BigInteger(1, messageHash);
        BigInteger rInverse = rValue.modInverse(N);
        BigInteger a = e.negate().multiply(rInverse).mod(N);
        BigInteger b = sValue.multiply(rInverse).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.DOMAIN.getG(), a, pointR, b).normalize();
        if (q.isInfinity()) {
            return null;
        }
        byte[] encoded = q.getEncoded(false);
        byte[] xy = new byte[64];
        System.arraycopy(encoded, 1, xy, 0, 64);
        return xy;
    }
}
