package cloud.aleph.flink.benchmarks;

import cloud.aleph.flink.operators.crypto.Secp256k1Recovery;
import java.util.Random;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Signed ETH messages (200-byte item_content) and the secp256k1 recovery under test, for the recovery benchmarks. */
@State(Scope.Thread)
public abstract class EvmRecoveryInputs extends BenchmarkDefaults {

    @Param({"bouncycastle", "native"})
    public String implementation;

    Secp256k1Recovery recovery;
    EvmSignedMessage[] messages;

    /** Selects the implementation (no fallback) and signs the inputs with a generator seeded by name. */
    void prepare(String seedName) {
        recovery = Secp256k1Implementations.strict(implementation);
        Random random = Seeds.random(seedName);
        messages = new EvmSignedMessage[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            messages[i] = EvmSignedMessage.random(random, 200);
        }
    }
}
