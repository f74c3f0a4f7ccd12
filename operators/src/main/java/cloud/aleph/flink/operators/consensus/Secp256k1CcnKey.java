package cloud.aleph.flink.operators.consensus;

import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.signing.EthereumSigner;

/**
 * A secp256k1 node key: signs with EIP-191 personal_sign ({@code 0x} + 130 hex digits, r‖s‖v);
 * its identity is its EIP-55 EVM address. The original and default kind of node key.
 */
public final class Secp256k1CcnKey implements CcnKey {

    private final EthereumSigner signer;

    private Secp256k1CcnKey(EthereumSigner signer) {
        this.signer = signer;
    }

    /** @param privateKeyHex 32 bytes in hex, with or without {@code 0x}, either case */
    static Secp256k1CcnKey fromHex(String privateKeyHex) {
        try {
            return new Secp256k1CcnKey(new EthereumSigner(Hex.decode(privateKeyHex)));
        } catch (IllegalArgumentException e) {
            // The causes name lengths and positions, never the key itself.
            throw new IllegalArgumentException("a secp256k1 node key is 64 hex digits (32 bytes in [1, n-1]): "
                    + e.getMessage());
        }
    }

    @Override
    public String identity() {
        return signer.address();
    }

    @Override
    public String sign(byte[] text) {
        return signer.sign(text);
    }
}
