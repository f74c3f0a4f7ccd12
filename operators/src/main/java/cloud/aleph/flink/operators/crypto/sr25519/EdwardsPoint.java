package cloud.aleph.flink.operators.crypto.sr25519;

import static cloud.aleph.flink.operators.crypto.sr25519.Field25519.add;
import static cloud.aleph.flink.operators.crypto.sr25519.Field25519.mul;
import static cloud.aleph.flink.operators.crypto.sr25519.Field25519.neg;
import static cloud.aleph.flink.operators.crypto.sr25519.Field25519.sub;

import java.math.BigInteger;

/**
 * A point of the twisted Edwards curve -x^2 + y^2 = 1 + d x^2 y^2 (edwards25519) in extended
 * coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z. The addition formula is complete for this
 * curve, so it doubles too.
 */
record EdwardsPoint(BigInteger x, BigInteger y, BigInteger z, BigInteger t) {

    private static final BigInteger TWO_D = add(Field25519.D, Field25519.D);

    static final EdwardsPoint IDENTITY = new EdwardsPoint(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);

    /** The ed25519 / ristretto255 base point (y = 4/5, x even). */
    static final EdwardsPoint BASE = fromAffine(
            new BigInteger("15112221349535400772501151409588531511454012693041857206046113283949847762202"),
            new BigInteger("46316835694926478169428394003475163141307993866256225615783033603165251855960"));

    static EdwardsPoint fromAffine(BigInteger x, BigInteger y) {
        return new EdwardsPoint(x, y, BigInteger.ONE, mul(x, y));
    }

    EdwardsPoint plus(EdwardsPoint q) {
        BigInteger a = mul(sub(y, x), sub(q.y, q.x));
        BigInteger b = mul(add(y, x), add(q.y, q.x));
        BigInteger c = mul(mul(t, TWO_D), q.t);
        BigInteger d = mul(add(z, z), q.z);
        BigInteger e = sub(b, a);
        BigInteger f = sub(d, c);
        BigInteger g = add(d, c);
        BigInteger h = add(b, a);
        return new EdwardsPoint(mul(e, f), mul(g, h), mul(f, g), mul(e, h));
    }

    EdwardsPoint negate() {
        return new EdwardsPoint(neg(x), y, z, neg(t));
    }

    /** {@code scalar * this}, scalar non-negative (variable time: only public data is multiplied). */
    EdwardsPoint times(BigInteger scalar) {
        EdwardsPoint result = IDENTITY;
        for (int i = scalar.bitLength() - 1; i >= 0; i--) {
            result = result.plus(result);
            if (scalar.testBit(i)) {
                result = result.plus(this);
            }
        }
        return result;
    }

    /** {@code a * p + b * q} with one shared doubling chain. */
    static EdwardsPoint doubleMultiply(BigInteger a, EdwardsPoint p, BigInteger b, EdwardsPoint q) {
        EdwardsPoint sum = p.plus(q);
        EdwardsPoint result = IDENTITY;
        for (int i = Math.max(a.bitLength(), b.bitLength()) - 1; i >= 0; i--) {
            result = result.plus(result);
            boolean bitA = a.testBit(i);
            boolean bitB = b.testBit(i);
            if (bitA && bitB) {
                result = result.plus(sum);
            } else if (bitA) {
                result = result.plus(p);
            } else if (bitB) {
                result = result.plus(q);
            }
        }
        return result;
    }
}
