package cloud.aleph.flink.operators.crypto.codec;

/**
 * Bech32 (BIP-173, not bech32m) encoding as the Python reference implementation does it: the HRP is
 * used as given (no case or character validation), data bytes are regrouped 8 to 5 bits with padding.
 */
public final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private Bech32() {}

    /** {@code bech32_encode(hrp, convertbits(data, 8, 5))}. */
    public static String encodeBytes(String hrp, byte[] data) {
        return encode(hrp, toFiveBitGroups(data));
    }

    public static String encode(String hrp, int[] fiveBitData) {
        int[] checksum = checksum(hrp, fiveBitData);
        StringBuilder out = new StringBuilder(hrp.length() + 1 + fiveBitData.length + 6);
        out.append(hrp).append('1');
        for (int d : fiveBitData) {
            out.append(CHARSET.charAt(d));
        }
        for (int d : checksum) {
            out.append(CHARSET.charAt(d));
        }
        return out.toString();
    }

    /** {@code convertbits(data, 8, 5, pad=True)}. */
    public static int[] toFiveBitGroups(byte[] data) {
        int[] out = new int[(data.length * 8 + 4) / 5];
        int acc = 0;
        int bits = 0;
        int n = 0;
        for (byte b : data) {
            acc = ((acc << 8) | (b & 0xFF)) & 0xFFF;
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out[n++] = (acc >> bits) & 31;
            }
        }
        if (bits > 0) {
            out[n++] = (acc << (5 - bits)) & 31;
        }
        return out;
    }

    private static int[] checksum(String hrp, int[] data) {
        // Python's hrp_expand works on code points; a supplementary character counts once
        int[] codePoints = hrp.codePoints().toArray();
        int[] expanded = new int[codePoints.length * 2 + 1 + data.length + 6];
        int n = 0;
        for (int cp : codePoints) {
            expanded[n++] = cp >> 5;
        }
        expanded[n++] = 0;
        for (int cp : codePoints) {
            expanded[n++] = cp & 31;
        }
        System.arraycopy(data, 0, expanded, n, data.length);
        int polymod = polymod(expanded) ^ 1;
        int[] out = new int[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (polymod >> (5 * (5 - i))) & 31;
        }
        return out;
    }

    private static int polymod(int[] values) {
        int chk = 1;
        for (int v : values) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++) {
                if (((top >> i) & 1) != 0) {
                    chk ^= GENERATOR[i];
                }
            }
        }
        return chk;
    }
}
