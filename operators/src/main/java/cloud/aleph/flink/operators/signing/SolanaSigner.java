package cloud.aleph.flink.operators.signing;

import cloud.aleph.flink.operators.crypto.codec.Base58;
import cloud.aleph.flink.operators.model.Chain;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Signs like the Python SDK's SOLAccount (spec §3.2.2): Ed25519 over the raw verification buffer;
 * the signature field is {@code json.dumps({"publicKey": …, "signature": …})} with Python's default
 * {@code ", "} and {@code ": "} separators. Thread-safe.
 */
public final class SolanaSigner implements MessageSigner {

    private final Chain chain;
    private final byte[] seed;
    private final byte[] publicKey;
    private final String address;

    /** A signer for SOL from a 32-byte Ed25519 private key (seed). */
    public SolanaSigner(byte[] seed) {
        this(Chain.SOL, seed);
    }

    /** A signer for SOL or ES (Eclipse, same scheme). */
    public SolanaSigner(Chain chain, byte[] seed) {
        if (chain.family() != Chain.Family.SOLANA) {
            throw new IllegalArgumentException(chain + " does not use Solana signatures");
        }
        if (seed.length != Ed25519.SECRET_KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key is 32 bytes");
        }
        this.chain = chain;
        this.seed = seed.clone();
        this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(this.seed, 0, publicKey, 0);
        this.address = Base58.encode(publicKey);
    }

    @Override
    public Chain chain() {
        return chain;
    }

    /** base58 of the public key. */
    @Override
    public String address() {
        return address;
    }

    @Override
    public String sign(byte[] verificationBuffer) {
        String signature = Base58.encode(signRaw(verificationBuffer));
        // base58 text needs no JSON escaping
        return "{\"publicKey\": \"" + address + "\", \"signature\": \"" + signature + "\"}";
    }

    /** The 64-byte Ed25519 signature of a message. */
    public byte[] signRaw(byte[] message) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
        return signature;
    }
}
