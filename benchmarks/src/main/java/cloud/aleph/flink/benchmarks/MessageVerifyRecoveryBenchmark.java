package cloud.aleph.flink.benchmarks;

import cloud.aleph.flink.operators.crypto.SignatureVerifiers;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.verify.MessageVerifier;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Full verification of whole messages of the chains that recover a secp256k1 key, per recovery implementation. */
@State(Scope.Thread)
public class MessageVerifyRecoveryBenchmark extends MessageVerification {

    @Param({"ETH", "NULS2", "AVAX"})
    public String chain;

    @Param({"bouncycastle", "native"})
    public String implementation;

    @Setup(Level.Trial)
    public void setUp() {
        MessageVerifier verifier = new MessageVerifier(SignatureVerifiers.defaults(Secp256k1Implementations.strict(implementation)));
        prepare(Chain.fromWire(chain).orElseThrow(), verifier, chain + " with " + implementation);
    }
}
