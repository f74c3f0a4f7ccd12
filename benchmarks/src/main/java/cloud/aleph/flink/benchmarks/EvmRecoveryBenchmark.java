package cloud.aleph.flink.benchmarks;

import cloud.aleph.flink.operators.crypto.Eip191;
import cloud.aleph.flink.operators.crypto.EthereumAddress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The EVM signature check from the signed buffer: EIP-191 keccak, recovery, keccak address compare. */
@State(Scope.Thread)
public class EvmRecoveryBenchmark extends EvmRecoveryInputs {

    private int index;

    @Setup(Level.Trial)
    public void setUp() {
        prepare("evm-recovery");
        for (int i = 0; i < INPUTS; i++) {
            FixtureCheck.require(signedBySender(messages[i]), implementation + " accepts message " + i);
        }
        EvmSignedMessage tampered = messages[0];
        byte[] buffer = tampered.buffer().clone();
        buffer[buffer.length - 1] ^= 1;
        FixtureCheck.require(!signedBySender(new EvmSignedMessage(buffer, null, tampered.r(), tampered.s(),
                tampered.recoveryId(), tampered.address())), implementation + " rejects a tampered buffer");
    }

    private boolean signedBySender(EvmSignedMessage message) {
        byte[] hash = Eip191.personalMessageHash(message.buffer());
        byte[] publicKey = recovery.recover(hash, message.r(), message.s(), message.recoveryId());
        return publicKey != null && EthereumAddress.fromPublicKey(publicKey).equals(message.address());
    }

    @Benchmark
    public boolean verify() {
        index = next(index);
        return signedBySender(messages[index]);
    }
}
