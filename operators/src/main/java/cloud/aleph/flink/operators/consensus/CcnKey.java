package cloud.aleph.flink.operators.consensus;

import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.signing.EthereumSigner;

/** A CCN's node key (secp256k1): signs attestations and digests with EIP-191 personal_sign. */
public final class CcnKey {

    private final EthereumSigner signer;

    /** @param privateKeyHex the 32-byte private key in hex */
    public CcnKey(String privateKeyHex) {
        this.signer = new EthereumSigner(Hex.decode(privateKeyHex));
    }

    public String address() {
        return signer.address();
    }

    public String sign(byte[] text) {
        return signer.sign(text);
    }
}
