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

/** The EVM signature check from the signed buffer: EIP-191 keccak, recovery, keccak address compare. */
@State(Scope.Thread)
public class EvmRecoveryBenchmark extends BenchmarkDefaults {

    @Param({"bouncycastle", "native"})
    public String implementation;

    private Secp256k1Recovery recovery;
    private EvmSignedMessage[] messages;
    private int index;

    @Setup(Level.Trial)
    public void setUp() {
        recovery = Secp256k1Implementations.strict(implementation);
        Random random = Seeds.random("evm-recovery");
        messages = new EvmSignedMessage[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            messages[i] = EvmSignedMessage.random(random, 200);
            FixtureCheck.require(signedBySender(messages[i]), implementation + " accepts message " + i);
        }
        EvmSignedMessage tampered = messages[0];
        byte[] buffer = tampered.buffer().clone();
        buffer[buffer.length - 1] ^= 1;
        FixtureCheck.require(!signedBySender(new EvmSignedMessage(buffer, null, tampered.r(), tampered.s(),
                tampered.recoveryId(), tampered.address())), implementation + " rejects a tampered buffer");
    }

    private boolean signedBySender(EvmSignedMessage message) {
        byte[] hash = EvmHashing.personalMessageHash(message.buffer());
        byte[] publicKey = recovery.recover(hash, message.r(), message.s(), message.recoveryId());
        return publicKey != null && Arrays.equals(EvmHashing.address(publicKey), message.address());
    }

    @Benchmark
    public boolean verify() {
        index = next(index);
        return signedBySender(messages[index]);
    }
}
