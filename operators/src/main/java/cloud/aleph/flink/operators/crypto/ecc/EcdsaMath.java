package cloud.aleph.flink.operators.crypto.ecc;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The ECDSA verification equation (FIPS 186-4 §6.4.2) with no encoding policy: callers decide
 * about low-S, ranges and parsing, because each reference library decides differently.
 */
public final class EcdsaMath {

    private EcdsaMath() {}

    /**
     * @param digest the message digest; as every library used here, taken as a big-endian integer
     *     truncated to the bit length of the group order
     * @return false when r or s is outside [1, n-1] or the equation does not hold
     */
    public static boolean verify(ECDomainParameters domain, ECPoint publicKey, byte[] digest, BigInteger r, BigInteger s) {
        BigInteger n = domain.getN();
        if (r.signum() <= 0 || r.compareTo(n) >= 0 || s.signum() <= 0 || s.compareTo(n) >= 0) {
            return false;
        }
        BigInteger e = digestToInteger(digest, n);
        BigInteger w = s.modInverse(n);
        BigInteger u1 = e.multiply(w).mod(n);
        BigInteger u2 = r.multiply(w).mod(n);
        ECPoint point = ECAlgorithms.sumOfTwoMultiplies(domain.getG(), u1, publicKey, u2).normalize();
        if (point.isInfinity()) {
            return false;
        }
        return point.getAffineXCoord().toBigInteger().mod(n).equals(r);
    }

    static BigInteger digestToInteger(byte[] digest, BigInteger n) {
        BigInteger e = new BigInteger(1, digest);
        int excessBits = digest.length * 8 - n.bitLength();
        return excessBits > 0 ? e.shiftRight(excessBits) : e;
    }

    public static BigInteger unsigned(byte[] bytes, int from, int to) {
        return new BigInteger(1, Arrays.copyOfRange(bytes, from, to));
    }
}
