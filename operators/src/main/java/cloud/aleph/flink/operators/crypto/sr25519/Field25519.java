package cloud.aleph.flink.operators.crypto.sr25519;

import java.math.BigInteger;

/**
 * Arithmetic modulo p = 2^255 - 19 on {@link BigInteger}s, with the helpers RFC 9496 (ristretto255)
 * defines. Speed is not a concern here: DOT messages are rare.
 */
final class Field25519 {

    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    private static final BigInteger P_MINUS_5_OVER_8 = P.subtract(BigInteger.valueOf(5)).shiftRight(3);

    private Field25519() {}

    static BigInteger add(BigInteger a, BigInteger b) {
        return a.add(b).mod(P);
    }

    static BigInteger sub(BigInteger a, BigInteger b) {
        return a.subtract(b).mod(P);
    }

    static BigInteger mul(BigInteger a, BigInteger b) {
        return a.multiply(b).mod(P);
    }

    static BigInteger neg(BigInteger a) {
        return a.negate().mod(P);
    }

    /** RFC 9496 IS_NEGATIVE: the least significant bit of the canonical representative. */
    static boolean isNegative(BigInteger a) {
        return a.mod(P).testBit(0);
    }

    static BigInteger abs(BigInteger a) {
        return isNegative(a) ? neg(a) : a.mod(P);
    }

    /** RFC 9496 SQRT_RATIO_M1: {@code (was_square, r)} with r the non-negative root of u/v or of i*u/v. */
    static SqrtRatio sqrtRatioM1(BigInteger u, BigInteger v) {
        BigInteger v3 = mul(mul(v, v), v);
        BigInteger v7 = mul(mul(v3, v3), v);
        BigInteger r = mul(mul(u, v3), mul(u, v7).modPow(P_MINUS_5_OVER_8, P));
        BigInteger check = mul(v, mul(r, r));
        BigInteger uMod = u.mod(P);
        boolean correctSign = check.equals(uMod);
        boolean flippedSign = check.equals(neg(uMod));
        boolean flippedSignI = check.equals(mul(neg(uMod), SQRT_M1));
        if (flippedSign || flippedSignI) {
            r = mul(SQRT_M1, r);
        }
        return new SqrtRatio(correctSign || flippedSign, abs(r));
    }

    record SqrtRatio(boolean wasSquare, BigInteger root) {}

    static BigInteger fromLittleEndian(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length + 1];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[bytes.length - i] = bytes[i];
        }
        return new BigInteger(bigEndian);
    }

    static byte[] toLittleEndian32(BigInteger value) {
        byte[] out = new byte[32];
        byte[] bigEndian = value.toByteArray();
        for (int i = 0; i < 32 && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}
