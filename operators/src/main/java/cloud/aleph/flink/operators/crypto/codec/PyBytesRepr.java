package cloud.aleph.flink.operators.crypto.codec;

/**
 * Python's {@code repr(bytes)}: {@code b'...'} (or {@code b"..."} when the bytes hold a single
 * quote and no double quote), with {@code \\}, the quote, {@code \t \n \r} escaped and every other
 * byte outside 0x20..0x7E written as {@code \xhh}. The NULS-1 verifier signs this text (spec §3.2.7).
 */
public final class PyBytesRepr {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PyBytesRepr() {}

    public static String repr(byte[] bytes) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : bytes) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder(bytes.length + 3);
        out.append('b').append(quote);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c == quote || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c >= 0x7F) {
                out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                out.append((char) c);
            }
        }
        return out.append(quote).toString();
    }
}
