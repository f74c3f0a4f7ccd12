package cloud.aleph.flink.operators.crypto;

/**
 * ECDSA public-key recovery on secp256k1, as libsecp256k1's {@code secp256k1_ecdsa_recover}. Every
 * verifier that recovers a key (EVM, NULS2, AVAX) depends only on this, so the native libsecp256k1
 * implementation (about 3.8× faster, crypto performance notes) can replace the pure Java one
 * without touching the verification rules. Which recovery ids a chain accepts is the verifier's
 * rule: EVM maps v to 0 or 1 only.
 */
public interface Secp256k1Recovery {

    /**
     * @param messageHash the 32-byte digest that was signed
     * @param r signature r as big-endian bytes; null is returned unless 1 ≤ r &lt; n
     * @param s signature s as big-endian bytes; null is returned unless 1 ≤ s &lt; n (high s is accepted)
     * @param recoveryId 0..3: bit 0 is the parity of R's y coordinate, bit 1 means R's x is r + n
     *     (which must stay below p); null is returned for any other value
     * @return the 64-byte uncompressed public key X‖Y, or null when no key can be recovered
     */
    byte[] recover(byte[] messageHash, byte[] r, byte[] s, int recoveryId);
}
