package cloud.aleph.flink.operators.crypto.nuls;

import cloud.aleph.flink.operators.crypto.VerifierInternalError;
import java.util.Arrays;

/**
 * The NULS 1 signature blob {@code varint-len(pubkey) || pubkey || ecc_type(1) || varint-len(sig)
 * || DER sig}, parsed with the reference's Python semantics: length prefixes may overrun (slices
 * are silently cut short) but reading a byte past the end raises IndexError and a short 4/8-byte
 * length raises struct.error, both unexpected errors in the reference.
 *
 * @param publicKey the (possibly truncated) public key bytes
 * @param signature the (possibly truncated) DER signature bytes
 */
public record NulsSignatureBlob(byte[] publicKey, byte[] signature) {

    public static NulsSignatureBlob parse(byte[] buffer) {
        long[] cursor = {0};
        byte[] publicKey = readByLength(buffer, cursor);
        byteAt(buffer, cursor[0]);
        cursor[0] = saturatedAdd(cursor[0], 1);
        byte[] signature = readByLength(buffer, cursor);
        return new NulsSignatureBlob(publicKey, signature);
    }

    private static byte[] readByLength(byte[] buffer, long[] cursor) {
        long offset = cursor[0];
        int first = byteAt(buffer, offset);
        long length;
        int size;
        if (first < 253) {
            length = first;
            size = 1;
        } else if (first == 253) {
            length = byteAt(buffer, offset + 1) | ((long) byteAt(buffer, offset + 2) << 8);
            size = 3;
        } else if (first == 254) {
            length = littleEndian(buffer, offset + 1, 4);
            size = 5;
        } else {
            length = littleEndian(buffer, offset + 1, 8);
            size = 9;
        }
        long start = offset + size;
        long end = saturatedAdd(start, length);
        byte[] value = slice(buffer, start, end);
        cursor[0] = saturatedAdd(offset, saturatedAdd(size, length));
        return value;
    }

    private static int byteAt(byte[] buffer, long index) {
        if (index >= buffer.length) {
            throw new VerifierInternalError("index out of range");
        }
        return buffer[(int) index] & 0xFF;
    }

    /** {@code struct.unpack("<I"/"<Q", buf[o:o+n])}; an unsigned 64-bit value above 2^63 saturates. */
    private static long littleEndian(byte[] buffer, long offset, int width) {
        if (offset + width > buffer.length) {
            throw new VerifierInternalError("unpack requires a buffer of " + width + " bytes");
        }
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (buffer[(int) offset + i] & 0xFF);
        }
        return value < 0 ? Long.MAX_VALUE : value;
    }

    private static byte[] slice(byte[] buffer, long from, long to) {
        int start = (int) Math.min(from, buffer.length);
        int end = (int) Math.min(to, buffer.length);
        return end <= start ? new byte[0] : Arrays.copyOfRange(buffer, start, end);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
