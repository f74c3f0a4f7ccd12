package cloud.aleph.flink.operators.crypto.nuls;

import cloud.aleph.flink.operators.crypto.codec.Base58;
import cloud.aleph.flink.operators.hash.Digests;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * NULS addresses as the reference's NULS libraries build them: a 23-byte hash
 * {@code int16_LE(chain id) || address type 1 || RIPEMD-160(SHA-256(public key))}, followed by the
 * XOR of its bytes, in base58. NULS 2 adds a text prefix ({@code NULS} + 'd', {@code tNULS} + 'e').
 */
public final class NulsAddress {

    private static final String ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private NulsAddress() {}

    /** {@code public_key_to_hash(pub_key, chain_id, address_type=1)}; chain id packed as a signed int16. */
    public static byte[] keyHash(int chainId, byte[] publicKey) {
        byte[] hash = new byte[23];
        hash[0] = (byte) chainId;
        hash[1] = (byte) (chainId >> 8);
        hash[2] = 1;
        System.arraycopy(Digests.hash160(publicKey), 0, hash, 3, 20);
        return hash;
    }

    /** NULS 1 {@code address_from_hash}. */
    public static String nuls1(byte[] hash) {
        return Base58.encode(withXor(hash));
    }

    /** NULS 2 {@code address_from_hash(hash, prefix)}. */
    public static String nuls2(String prefix, byte[] hash) {
        return prefix + ASCII_LETTERS.charAt(prefix.length() - 1) + Base58.encode(withXor(hash));
    }

    /** {@code struct.unpack("h", hash[:2])}: empty when fewer than two bytes (struct.error). */
    public static OptionalInt chainId(byte[] hash) {
        if (hash.length < 2) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((short) ((hash[0] & 0xFF) | (hash[1] << 8)));
    }

    private static byte[] withXor(byte[] hash) {
        byte xor = 0;
        for (byte b : hash) {
            xor ^= b;
        }
        byte[] out = Arrays.copyOf(hash, hash.length + 1);
        out[hash.length] = xor;
        return out;
    }
}
