package cloud.aleph.flink.operators.crypto.codec;

import java.util.Arrays;

/**
 * Python's {@code bytes.fromhex}: pairs of hex digits, ASCII whitespace allowed before each pair,
 * nothing else (no {@code 0x} prefix, no odd length).
 */
public final class PyHex {

    private PyHex() {}

    /**
     * @throws IllegalArgumentException where Python raises ValueError
     */
    public static byte[] fromHex(String text) {
        byte[] out = new byte[text.length() / 2];
        int count = 0;
        int i = 0;
        while (i < text.length()) {
            if (isAsciiSpace(text.charAt(i))) {
                i++;
                continue;
            }
            int hi = digit(text.charAt(i));
            int lo = i + 1 < text.length() ? digit(text.charAt(i + 1)) : -1;
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("non-hexadecimal number found in fromhex() arg at position " + (hi < 0 ? i : i + 1));
            }
            out[count++] = (byte) ((hi << 4) | lo);
            i += 2;
        }
        return Arrays.copyOf(out, count);
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D);
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
