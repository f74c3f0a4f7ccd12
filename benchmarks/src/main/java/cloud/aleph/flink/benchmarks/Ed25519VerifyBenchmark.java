package cloud.aleph.flink.benchmarks;

import cloud.aleph.flink.operators.crypto.codec.Base58;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Ed25519 verification of a SOL signed buffer with Bouncy Castle's low-level rfc8032 API. */
@State(Scope.Thread)
public class Ed25519VerifyBenchmark extends BenchmarkDefaults {

    private byte[][] publicKeys;
    private byte[][] buffers;
    private byte[][] signatures;
    private int index;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = Seeds.random("ed25519-verify");
        publicKeys = new byte[INPUTS][];
        buffers = new byte[INPUTS][];
        signatures = new byte[INPUTS][];
        for (int i = 0; i < INPUTS; i++) {
            byte[] secretKey = new byte[Ed25519.SECRET_KEY_SIZE];
            random.nextBytes(secretKey);
            publicKeys[i] = new byte[Ed25519.PUBLIC_KEY_SIZE];
            Ed25519.generatePublicKey(secretKey, 0, publicKeys[i], 0);
            String itemHash = ItemContents.itemHash(ItemContents.content(random, 200));
            buffers[i] = ("SOL\n" + Base58.encode(publicKeys[i]) + "\nPOST\n" + itemHash).getBytes(StandardCharsets.US_ASCII);
            signatures[i] = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(secretKey, 0, buffers[i], 0, buffers[i].length, signatures[i], 0);
            FixtureCheck.require(verify(i), "signature " + i + " verifies");
        }
        signatures[0][5] ^= 1;
        FixtureCheck.require(!verify(0), "a tampered signature is rejected");
        signatures[0][5] ^= 1;
    }

    private boolean verify(int i) {
        return Ed25519.verify(signatures[i], 0, publicKeys[i], 0, buffers[i], 0, buffers[i].length);
    }

    @Benchmark
    public boolean verify() {
        index = next(index);
        return verify(index);
    }
}
