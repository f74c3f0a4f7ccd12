package cloud.aleph.flink.benchmarks;

import cloud.aleph.flink.operators.crypto.Secp256k1Recovery;
import java.util.Arrays;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Public-key recovery alone, per implementation. */
@State(Scope.Thread)
public class Secp256k1RecoveryBenchmark extends BenchmarkDefaults {

    @Param({"bouncycastle", "native"})
    public String implementation;

    private Secp256k1Recovery recovery;
    private EvmSignedMessage[] messages;
    private int index;

    @Setup(Level.Trial)
    public void setUp() {
        recovery = Secp256k1Implementations.strict(implementation);
        Random random = Seeds.random("secp256k1-recovery");
        messages = new EvmSignedMessage[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            messages[i] = EvmSignedMessage.random(random, 200);
            byte[] publicKey = recover(messages[i]);
            FixtureCheck.require(publicKey != null && Arrays.equals(EvmHashing.address(publicKey), messages[i].address()),
                    implementation + " recovers the signer of message " + i);
        }
    }

    private byte[] recover(EvmSignedMessage message) {
        return recovery.recover(message.hash(), message.r(), message.s(), message.recoveryId());
    }

    @Benchmark
    public byte[] recover() {
        index = next(index);
        return recover(messages[index]);
    }
}
