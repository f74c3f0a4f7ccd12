package cloud.aleph.flink.operators.crypto;

/**
 * ECDSA public-key recovery on secp256k1. The EVM verifier depends only on this, so a native
 * libsecp256k1 implementation (about 3.8× faster, crypto performance notes) can replace the pure
 * Java one without touching the verification rules.
 */
public interface Secp256k1Recovery {

    /**
     * @param messageHash the 32-byte digest that was signed
     * @param r signature r as 32 big-endian bytes, 1 ≤ r &lt; n (checked by the caller)
     * @param s signature s as 32 big-endian bytes, 1 ≤ s &lt; n (checked by the caller; high s is accepted)
     * @param recoveryId parity of R's y coordinate, 0 or 1
     * @return the 64-byte uncompressed public key X‖Y, or null when no key can be recovered
     */
    byte[] recover(byte[] messageHash, byte[] r, byte[] s, int recoveryId);
}
