package cloud.aleph.flink.operators.signing;

import cloud.aleph.flink.operators.crypto.ecc.Secp256k1;
import cloud.aleph.flink.operators.hash.Digests;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Deterministic, publicly known keys for the demo and tests: key i of a chain is derived from
 * SHA-256 of a fixed seed text and i. Anyone can sign as these accounts, so never fund them.
 */
public final class DemoKeys {

    private static final String SEED = "aleph-flink demo key";

    private DemoKeys() {}

    /** Ethereum demo account number {@code index}. */
    public static EthereumSigner ethereum(int index) {
        byte[] key = derive("ethereum", index);
        // Rehash in the (astronomically unlikely) case the digest is not a valid secp256k1 scalar.
        while (new BigInteger(1, key).signum() == 0 || new BigInteger(1, key).compareTo(Secp256k1.N) >= 0) {
            key = Digests.sha256(key);
        }
        return new EthereumSigner(key);
    }

    /** Solana demo account number {@code index}. */
    public static SolanaSigner solana(int index) {
        return new SolanaSigner(derive("solana", index));
    }

    private static byte[] derive(String family, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("demo key index must be ≥ 0");
        }
        return Digests.sha256((SEED + "/" + family + "/" + index).getBytes(StandardCharsets.UTF_8));
    }
}
