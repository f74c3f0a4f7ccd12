package cloud.aleph.flink.benchmarks;

import cloud.aleph.flink.operators.hash.Digests;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** item_hash of inline item_content through the production digest: the JDK's SHA-256 (SHA-NI intrinsic), one per thread. */
@State(Scope.Thread)
public class Sha256Benchmark extends BenchmarkDefaults {

    @Param({"200", "4096"})
    public int itemContentBytes;

    private byte[][] contents;
    private int index;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = Seeds.random("sha256");
        contents = new byte[INPUTS][];
        for (int i = 0; i < INPUTS; i++) {
            contents[i] = ItemContents.content(random, itemContentBytes);
            FixtureCheck.require(contents[i].length == itemContentBytes, "item_content " + i + " has the size asked");
            // Bouncy Castle's digest is an independent implementation to check the JDK against.
            SHA256Digest reference = new SHA256Digest();
            reference.update(contents[i], 0, contents[i].length);
            byte[] expected = new byte[32];
            reference.doFinal(expected, 0);
            FixtureCheck.require(Arrays.equals(Digests.sha256(contents[i]), expected), "SHA-256 of item_content " + i);
        }
    }

    @Benchmark
    public byte[] digest() {
        index = next(index);
        return Digests.sha256(contents[index]);
    }
}
