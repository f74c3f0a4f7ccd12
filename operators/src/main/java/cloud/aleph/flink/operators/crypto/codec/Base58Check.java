package cloud.aleph.flink.operators.crypto.codec;

import cloud.aleph.flink.operators.hash.Digests;
import java.util.Arrays;

/** Base58 with a 4-byte double-SHA-256 checksum (Bitcoin's Base58Check, used by Tezos). */
public final class Base58Check {

    private Base58Check() {}

    public static String encode(byte[] payload) {
        byte[] checksum = Digests.doubleSha256(payload);
        byte[] full = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(checksum, 0, full, payload.length, 4);
        return Base58.encode(full);
    }

    /**
     * Decodes like the Python {@code base58.b58decode_check} given {@code bytes}: trailing ASCII
     * whitespace ({@code bytes.rstrip()}) is ignored, every other byte must be in the alphabet.
     *
     * @throws IllegalArgumentException on a bad character or checksum
     */
    public static byte[] decode(byte[] ascii) {
        int end = ascii.length;
        while (end > 0 && isAsciiSpace(ascii[end - 1])) {
            end--;
        }
        char[] chars = new char[end];
        for (int i = 0; i < end; i++) {
            chars[i] = (char) (ascii[i] & 0xFF);
        }
        byte[] full = Base58.decode(new String(chars));
        if (full.length < 4) {
            throw new IllegalArgumentException("Invalid checksum");
        }
        byte[] payload = Arrays.copyOf(full, full.length - 4);
        byte[] checksum = Digests.doubleSha256(payload);
        for (int i = 0; i < 4; i++) {
            if (checksum[i] != full[payload.length + i]) {
                throw new IllegalArgumentException("Invalid checksum");
            }
        }
        return payload;
    }

    private static boolean isAsciiSpace(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0D);
    }
}
