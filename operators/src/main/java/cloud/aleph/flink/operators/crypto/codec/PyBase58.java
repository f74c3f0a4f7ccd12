package cloud.aleph.flink.operators.crypto.codec;

/**
 * The Python {@code base58} package's {@code b58decode} on a {@code str}: trailing whitespace
 * ({@code str.rstrip()}) is dropped first, then the Bitcoin alphabet applies.
 */
public final class PyBase58 {

    private PyBase58() {}

    /**
     * @throws IllegalArgumentException on a character outside the alphabet (Python: ValueError)
     */
    public static byte[] decode(String text) {
        return Base58.decode(PyText.rstrip(text));
    }
}
