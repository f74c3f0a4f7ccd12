package cloud.aleph.flink.benchmarks;

import cloud.aleph.flink.operators.crypto.Secp256k1Recoveries;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.verify.MessageVerifier;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Full verification of whole messages of the chains whose signature check recovers no secp256k1 key. */
@State(Scope.Thread)
public class MessageVerifyBenchmark extends MessageVerification {

    @Param({"SOL", "CSDK", "DOT", "TEZOS", "NULS"})
    public String chain;

    @Setup(Level.Trial)
    public void setUp() {
        // The job's default secp256k1 setting; these chains do not use it.
        prepare(Chain.fromWire(chain).orElseThrow(), MessageVerifier.withDefaultVerifiers(Secp256k1Recoveries.DEFAULT), chain);
    }
}
