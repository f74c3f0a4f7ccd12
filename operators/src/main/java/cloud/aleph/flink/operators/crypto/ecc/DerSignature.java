package cloud.aleph.flink.operators.crypto.ecc;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * Strict DER parsing of an ECDSA signature exactly as libsecp256k1's
 * {@code secp256k1_ecdsa_signature_parse_der}: minimal lengths, no excess padding, no trailing
 * bytes. An integer that is negative or does not fit the group order parses but is set to zero,
 * so that verification fails, as in libsecp256k1.
 */
public final class DerSignature {

    /** r and s; zero stands for an overflowing value. */
    public record Parsed(BigInteger r, BigInteger s) {}

    private DerSignature() {}

    /** Empty when libsecp256k1 refuses to parse (coincurve then raises ValueError). */
    public static Optional<Parsed> parse(byte[] der, BigInteger order) {
        Cursor cursor = new Cursor(der);
        if (!cursor.hasMore() || (der[cursor.pos++] & 0xFF) != 0x30) {
            return Optional.empty();
        }
        long sequenceLength = readLength(cursor);
        if (sequenceLength < 0 || sequenceLength != der.length - cursor.pos) {
            return Optional.empty();
        }
        BigInteger r = readInteger(cursor, order);
        if (r == null) {
            return Optional.empty();
        }
        BigInteger s = readInteger(cursor, order);
        if (s == null || cursor.hasMore()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(r, s));
    }

    private static long readLength(Cursor cursor) {
        byte[] der = cursor.bytes;
        if (!cursor.hasMore()) {
            return -1;
        }
        int b1 = der[cursor.pos++] & 0xFF;
        if (b1 == 0xFF || b1 == 0x80) {
            return -1;
        }
        if ((b1 & 0x80) == 0) {
            return b1;
        }
        int lengthBytes = b1 & 0x7F;
        if (lengthBytes > der.length - cursor.pos || der[cursor.pos] == 0 || lengthBytes > 8) {
            return -1;
        }
        long length = 0;
        for (int i = 0; i < lengthBytes; i++) {
            length = (length << 8) | (der[cursor.pos++] & 0xFF);
        }
        if (length < 0 || length > der.length - cursor.pos || length < 128) {
            return -1;
        }
        return length;
    }

    /** Null when unparseable; zero when the value is negative or not below the order. */
    private static BigInteger readInteger(Cursor cursor, BigInteger order) {
        byte[] der = cursor.bytes;
        if (!cursor.hasMore() || der[cursor.pos] != 0x02) {
            return null;
        }
        cursor.pos++;
        long length = readLength(cursor);
        if (length <= 0 || length > der.length - cursor.pos) {
            return null;
        }
        int start = cursor.pos;
        int len = (int) length;
        if (der[start] == 0x00 && len > 1 && (der[start + 1] & 0x80) == 0) {
            return null;
        }
        if (der[start] == (byte) 0xFF && len > 1 && (der[start + 1] & 0x80) != 0) {
            return null;
        }
        cursor.pos += len;
        if ((der[start] & 0x80) != 0) {
            return BigInteger.ZERO;
        }
        if (der[start] == 0) {
            start++;
            len--;
        }
        if (len > 32) {
            return BigInteger.ZERO;
        }
        BigInteger value = new BigInteger(1, Arrays.copyOfRange(der, start, start + len));
        return value.compareTo(order) >= 0 ? BigInteger.ZERO : value;
    }

    private static final class Cursor {
        final byte[] bytes;
        int pos;

        Cursor(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean hasMore() {
            return pos < bytes.length;
        }
    }
}
