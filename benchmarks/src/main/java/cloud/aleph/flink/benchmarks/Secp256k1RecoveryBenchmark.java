package cloud.aleph.flink.benchmarks;

import cloud.aleph.flink.operators.crypto.EthereumAddress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Public-key recovery alone, per implementation. */
@State(Scope.Thread)
public class Secp256k1RecoveryBenchmark extends EvmRecoveryInputs {

    private int index;

    @Setup(Level.Trial)
    public void setUp() {
        prepare("secp256k1-recovery");
        for (int i = 0; i < INPUTS; i++) {
            byte[] publicKey = recover(messages[i]);
            FixtureCheck.require(publicKey != null && EthereumAddress.fromPublicKey(publicKey).equals(messages[i].address()),
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
