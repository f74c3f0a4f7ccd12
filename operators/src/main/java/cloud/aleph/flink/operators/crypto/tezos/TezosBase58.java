package cloud.aleph.flink.operators.crypto.tezos;

import cloud.aleph.flink.operators.crypto.codec.Base58Check;
import java.util.Arrays;
import java.util.List;

/**
 * Tezos base58check with typed prefixes, exactly as pytezos 3.13 {@code base58_decode} /
 * {@code base58_encode}: decoding picks the first table row whose encoded length and text prefix
 * match, then strips that row's binary prefix after the checksum check.
 */
public final class TezosBase58 {

    private record Encoding(String textPrefix, int encodedLength, byte[] binaryPrefix, int decodedLength) {}

    private static final List<Encoding> ENCODINGS = List.of(
            row("B", 51, new int[] {1, 52}, 32),
            row("o", 51, new int[] {5, 116}, 32),
            row("Lo", 52, new int[] {133, 233}, 32),
            row("LLo", 53, new int[] {29, 159, 109}, 32),
            row("P", 51, new int[] {2, 170}, 32),
            row("Co", 52, new int[] {79, 199}, 32),
            row("tz1", 36, new int[] {6, 161, 159}, 20),
            row("tz2", 36, new int[] {6, 161, 161}, 20),
            row("tz3", 36, new int[] {6, 161, 164}, 20),
            row("tz4", 36, new int[] {6, 161, 16}, 20),
            row("KT1", 36, new int[] {2, 90, 121}, 20),
            row("txr1", 37, new int[] {1, 128, 120, 31}, 20),
            row("sr1", 36, new int[] {6, 124, 117}, 20),
            row("src1", 54, new int[] {17, 165, 134, 138}, 32),
            row("srs1", 54, new int[] {17, 165, 235, 240}, 32),
            row("id", 30, new int[] {153, 103}, 16),
            row("expr", 54, new int[] {13, 44, 64, 27}, 32),
            row("edsk", 54, new int[] {13, 15, 58, 7}, 32),
            row("edpk", 54, new int[] {13, 15, 37, 217}, 32),
            row("spsk", 54, new int[] {17, 162, 224, 201}, 32),
            row("p2sk", 54, new int[] {16, 81, 238, 189}, 32),
            row("edesk", 88, new int[] {7, 90, 60, 179, 41}, 56),
            row("spesk", 88, new int[] {9, 237, 241, 174, 150}, 56),
            row("p2esk", 88, new int[] {9, 48, 57, 115, 171}, 56),
            row("sppk", 55, new int[] {3, 254, 226, 86}, 33),
            row("p2pk", 55, new int[] {3, 178, 139, 127}, 33),
            row("SSp", 53, new int[] {38, 248, 136}, 33),
            row("GSp", 53, new int[] {5, 92, 0}, 33),
            row("edsk", 98, new int[] {43, 246, 78, 7}, 64),
            row("edsig", 99, new int[] {9, 245, 205, 134, 18}, 64),
            row("spsig", 99, new int[] {13, 115, 101, 19, 63}, 64),
            row("p2sig", 98, new int[] {54, 240, 44, 52}, 64),
            row("sig", 96, new int[] {4, 130, 43}, 64),
            row("Net", 15, new int[] {87, 82, 0}, 4),
            row("nce", 53, new int[] {69, 220, 169}, 32),
            row("btz1", 37, new int[] {1, 2, 49, 223}, 20),
            row("vh", 52, new int[] {1, 106, 242}, 32));

    private TezosBase58() {}

    /**
     * @param encoded the base58 text as bytes (pytezos works on the ASCII bytes)
     * @throws IllegalArgumentException for an unknown prefix/length pair, a bad character or checksum
     */
    public static byte[] decode(byte[] encoded) {
        for (Encoding encoding : ENCODINGS) {
            if (encoded.length == encoding.encodedLength() && startsWith(encoded, encoding.textPrefix())) {
                byte[] payload = Base58Check.decode(encoded);
                if (payload.length < encoding.binaryPrefix().length) {
                    return new byte[0];
                }
                return Arrays.copyOfRange(payload, encoding.binaryPrefix().length, payload.length);
            }
        }
        throw new IllegalArgumentException("Invalid encoding, prefix or length mismatch.");
    }

    /**
     * @throws IllegalArgumentException when no row has this text prefix and payload length
     */
    public static String encode(byte[] payload, String textPrefix) {
        for (Encoding encoding : ENCODINGS) {
            if (payload.length == encoding.decodedLength() && encoding.textPrefix().equals(textPrefix)) {
                byte[] prefix = encoding.binaryPrefix();
                byte[] full = Arrays.copyOf(prefix, prefix.length + payload.length);
                System.arraycopy(payload, 0, full, prefix.length, payload.length);
                return Base58Check.encode(full);
            }
        }
        throw new IllegalArgumentException("Invalid encoding, prefix or length mismatch.");
    }

    /** Whether ASCII bytes begin with the text prefix. */
    static boolean startsWith(byte[] bytes, String prefix) {
        if (bytes.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static Encoding row(String textPrefix, int encodedLength, int[] binaryPrefix, int decodedLength) {
        byte[] prefix = new byte[binaryPrefix.length];
        for (int i = 0; i < prefix.length; i++) {
            prefix[i] = (byte) binaryPrefix[i];
        }
        return new Encoding(textPrefix, encodedLength, prefix, decodedLength);
    }
}
