package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.crypto.codec.Hex;
import fr.acinq.secp256k1.Secp256k1;
import fr.acinq.secp256k1.Secp256k1Exception;
import java.util.Arrays;

/**
 * Public-key recovery with libsecp256k1 through ACINQ's JNI binding (about 3.8× Bouncy Castle,
 * crypto performance notes). Like the pure Java implementation it accepts high-S signatures:
 * libsecp256k1 only enforces low S in {@code verify}, not in recovery. Thread-safe: the binding's
 * context is only read by recovery.
 *
 * <p>Obtain an instance with {@link #load()}, which fails when the native library does not load or
 * answers wrongly; {@link Secp256k1Recoveries} catches that and falls back to Bouncy Castle.
 */
public final class NativeSecp256k1Recovery implements Secp256k1Recovery {

    /**
     * Known answer checked at load time: a high-S signature made with Bouncy Castle (RFC 6979) by the
     * key sha256("aleph-flink secp256k1 self-test key") over sha256("aleph-flink secp256k1 self-test
     * message"), so a library that loads but recovers wrongly, or rejects high S, is never used.
     */
    static final byte[] SELF_TEST_HASH = Hex.decode("b48f71b9b06288056dbfb84a4ec8efc4a8c078ee22ab32fe413089308eed257e");
    static final byte[] SELF_TEST_R = Hex.decode("ab84302745927feec8199f7a60239c012f03b70436d0b8a057285780ad5465ef");
    static final byte[] SELF_TEST_S = Hex.decode("fb2ce5b61caad6af54c5c50986bc49391d26edcbe7ae278b41ee44f5ced9b502");
    static final int SELF_TEST_RECOVERY_ID = 1;
    static final byte[] SELF_TEST_PUBLIC_KEY = Hex.decode(
            "5f82b4d8e4ccc4112a1cfa0af037d88462cf274b8c6908637f09edf8f2175f26"
                    + "e8815b1f45b7000cc4b1f564dcb35e671e1e6c64e1e033b93ff4a0d8107f64d8");

    private static final int SCALAR_BYTES = 32;

    private final Secp256k1 secp256k1;

    private NativeSecp256k1Recovery(Secp256k1 secp256k1) {
        this.secp256k1 = secp256k1;
    }

    /**
     * Loads the native library (the binding extracts its .so into {@code fr.acinq.secp256k1.tmpdir},
     * else {@code java.io.tmpdir}) and checks one known recovery.
     *
     * @throws Exception or {@link LinkageError} when the library is missing, does not link on this
     *     platform, or fails the known-answer check
     */
    public static NativeSecp256k1Recovery load() throws Exception {
        NativeSecp256k1Recovery recovery = new NativeSecp256k1Recovery(Secp256k1.get());
        byte[] recovered = recovery.recover(SELF_TEST_HASH, SELF_TEST_R, SELF_TEST_S, SELF_TEST_RECOVERY_ID);
        if (!Arrays.equals(recovered, SELF_TEST_PUBLIC_KEY)) {
            throw new IllegalStateException("libsecp256k1 failed the known-answer recovery check");
        }
        return recovery;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when messageHash is not 32 bytes (libsecp256k1 signs digests of
     *     exactly that size)
     */
    @Override
    public byte[] recover(byte[] messageHash, byte[] r, byte[] s, int recoveryId) {
        if (messageHash.length != SCALAR_BYTES) {
            throw new IllegalArgumentException("the message hash has 32 bytes, got " + messageHash.length);
        }
        if ((recoveryId & ~3) != 0) {
            return null;
        }
        byte[] compact = new byte[2 * SCALAR_BYTES];
        if (!copyScalar(r, compact, 0) || !copyScalar(s, compact, SCALAR_BYTES)) {
            return null;
        }
        byte[] uncompressed;
        try {
            // Rejects r or s equal to 0 or ≥ n, an x (r, or r + n for ids 2 and 3) that is ≥ p or no
            // curve point's, and a result at infinity.
            uncompressed = secp256k1.ecdsaRecover(compact, messageHash, recoveryId);
        } catch (Secp256k1Exception noKey) {
            return null;
        }
        return Arrays.copyOfRange(uncompressed, 1, 1 + 2 * SCALAR_BYTES);
    }

    /** Writes a big-endian value right-aligned in 32 bytes; false when it needs more than 32. */
    private static boolean copyScalar(byte[] value, byte[] target, int offset) {
        int start = 0;
        while (start < value.length - SCALAR_BYTES) {
            if (value[start] != 0) {
                return false;
            }
            start++;
        }
        int length = value.length - start;
        System.arraycopy(value, start, target, offset + SCALAR_BYTES - length, length);
        return true;
    }
}
