package cloud.aleph.flink.operators.crypto.codec;

/**
 * Bitcoin-style variable-length integer used as a length prefix by the NULS message formats:
 * below 253 one byte, else a 0xFD/0xFE/0xFF marker and 2/4/8 little-endian bytes.
 */
public final class BitcoinVarInt {

    private BitcoinVarInt() {}

    public static byte[] encode(long value) {
        if (value >= 0 && value < 253) {
            return new byte[] {(byte) value};
        }
        if (value >= 0 && value <= 0xFFFF) {
            return new byte[] {(byte) 0xFD, (byte) value, (byte) (value >>> 8)};
        }
        if (value >= 0 && value <= 0xFFFFFFFFL) {
            return littleEndian((byte) 0xFE, value, 4);
        }
        return littleEndian((byte) 0xFF, value, 8);
    }

    private static byte[] littleEndian(byte marker, long value, int size) {
        byte[] out = new byte[size + 1];
        out[0] = marker;
        for (int i = 0; i < size; i++) {
            out[i + 1] = (byte) (value >>> (8 * i));
        }
        return out;
    }
}
