package cloud.aleph.flink.operators.crypto.codec;

import cloud.aleph.flink.operators.text.StrictUtf8;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Python's {@code base64.b64decode(text)} without {@code validate}: characters outside the
 * alphabet are skipped, decoding stops at the first complete padding, and a dangling quantum is an
 * error. Mirrors CPython's {@code binascii.a2b_base64} (non-strict mode).
 */
public final class PyBase64 {

    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    private PyBase64() {}

    /**
     * @throws IllegalArgumentException where Python raises (binascii.Error and the non-ASCII
     *     ValueError are both ValueError)
     */
    public static byte[] decode(String text) {
        return decode(text, true);
    }

    /**
     * {@code b64decode(text.encode("utf-8"))}: on bytes, non-ASCII bytes are skipped like any other
     * character outside the alphabet; only a string that has no UTF-8 form is refused.
     */
    public static byte[] decodeUtf8(String text) {
        if (!StrictUtf8.canEncode(text)) {
            throw new IllegalArgumentException("'utf-8' codec can't encode a surrogate");
        }
        return decode(text, false);
    }

    private static byte[] decode(String text, boolean asciiOnly) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4);
        int quadPos = 0;
        int leftChar = 0;
        int pads = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7F) {
                if (asciiOnly) {
                    throw new IllegalArgumentException("string argument should contain only ASCII characters");
                }
                continue;
            }
            if (c == '=') {
                if (quadPos >= 2 && quadPos + ++pads >= 4) {
                    return out.toByteArray();
                }
                continue;
            }
            int value = VALUES[c];
            if (value < 0) {
                continue;
            }
            pads = 0;
            switch (quadPos) {
                case 0 -> {
                    quadPos = 1;
                    leftChar = value;
                }
                case 1 -> {
                    quadPos = 2;
                    out.write((leftChar << 2) | (value >> 4));
                    leftChar = value & 0x0F;
                }
                case 2 -> {
                    quadPos = 3;
                    out.write((leftChar << 4) | (value >> 2));
                    leftChar = value & 0x03;
                }
                default -> {
                    quadPos = 0;
                    out.write((leftChar << 6) | value);
                    leftChar = 0;
                }
            }
        }
        if (quadPos == 1) {
            throw new IllegalArgumentException("Invalid base64-encoded string: number of data characters cannot be 1 more than a multiple of 4");
        }
        if (quadPos != 0) {
            throw new IllegalArgumentException("Incorrect padding");
        }
        return out.toByteArray();
    }
}
