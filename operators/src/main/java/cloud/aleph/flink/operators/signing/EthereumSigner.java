package cloud.aleph.flink.operators.signing;

import cloud.aleph.flink.operators.crypto.BouncyCastleSecp256k1Recovery;
import cloud.aleph.flink.operators.crypto.Eip191;
import cloud.aleph.flink.operators.crypto.EthereumAddress;
import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.crypto.ecc.Secp256k1;
import cloud.aleph.flink.operators.model.Chain;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * Signs like the Python SDK's ETHAccount ({@code sign_message(encode_defunct(text=buffer))}, spec
 * §3.2.1): EIP-191 digest, deterministic RFC 6979 ECDSA (HMAC-SHA256 nonces, as libsecp256k1),
 * low s, v = 27 + recovery id, written as {@code 0x} + 130 hex digits. The same key and buffer give
 * the same signature as eth-account. Thread-safe.
 */
public final class EthereumSigner implements MessageSigner {

    private final Chain chain;
    private final BigInteger privateKey;
    private final byte[] publicKeyXY;
    private final String address;

    /** A signer for ETH. */
    public EthereumSigner(byte[] privateKey) {
        this(Chain.ETH, privateKey);
    }

    /** A signer for any EVM-family chain (the signature scheme is the same). */
    public EthereumSigner(Chain chain, byte[] privateKey) {
        if (chain.family() != Chain.Family.EVM) {
            throw new IllegalArgumentException(chain + " is not an EVM chain");
        }
        BigInteger d = new BigInteger(1, privateKey);
        if (privateKey.length != 32 || d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("a secp256k1 private key is 32 bytes in [1, n-1]");
        }
        this.chain = chain;
        this.privateKey = d;
        byte[] encoded = new FixedPointCombMultiplier().multiply(Secp256k1.DOMAIN.getG(), d).normalize().getEncoded(false);
        this.publicKeyXY = Arrays.copyOfRange(encoded, 1, 65);
        this.address = EthereumAddress.checksummed(EthereumAddress.fromPublicKey(publicKeyXY));
    }

    @Override
    public Chain chain() {
        return chain;
    }

    /** EIP-55 checksummed address, as the SDK's {@code get_address()}. */
    @Override
    public String address() {
        return address;
    }

    @Override
    public String sign(byte[] verificationBuffer) {
        return "0x" + Hex.encode(signDigest(Eip191.personalMessageHash(verificationBuffer)));
    }

    /** 65-byte r‖s‖v signature of a 32-byte digest. */
    byte[] signDigest(byte[] digest) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(privateKey, Secp256k1.DOMAIN));
        BigInteger[] rs = signer.generateSignature(digest);
        BigInteger r = rs[0];
        BigInteger s = Secp256k1.isHighS(rs[1]) ? Secp256k1.N.subtract(rs[1]) : rs[1];
        byte[] rBytes = BigIntegers.asUnsignedByteArray(32, r);
        byte[] sBytes = BigIntegers.asUnsignedByteArray(32, s);
        BouncyCastleSecp256k1Recovery recovery = new BouncyCastleSecp256k1Recovery();
        for (int recoveryId = 0; recoveryId < 2; recoveryId++) {
            if (Arrays.equals(recovery.recover(digest, rBytes, sBytes, recoveryId), publicKeyXY)) {
                byte[] out = new byte[65];
                System.arraycopy(rBytes, 0, out, 0, 32);
                System.arraycopy(sBytes, 0, out, 32, 32);
                out[64] = (byte) (27 + recoveryId);
                return out;
            }
        }
        throw new IllegalStateException("no recovery id reproduces the signing key");
    }
}
