package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.signing.DemoKeys;
import cloud.aleph.flink.operators.signing.EthereumSigner;
import cloud.aleph.flink.operators.signing.SolanaSigner;
import java.nio.charset.StandardCharsets;

/** The demo accounts the rule tests sign with. */
final class Accounts {

    static final EthereumSigner ALICE = DemoKeys.ethereum(1);
    static final EthereumSigner BOB = DemoKeys.ethereum(2);
    static final EthereumSigner DELEGATE = DemoKeys.ethereum(3);
    static final EthereumSigner OTHER_DELEGATE = DemoKeys.ethereum(4);
    static final SolanaSigner SOL_CAROL = DemoKeys.solana(1);

    /** One key signing on two EVM chains: same address, different {@code chain}. */
    private static final byte[] MULTICHAIN_KEY =
            cloud.aleph.flink.operators.hash.Digests.sha256("aleph-flink state tests: multichain delegate".getBytes(StandardCharsets.UTF_8));
    static final EthereumSigner MULTICHAIN_ON_ETH = new EthereumSigner(Chain.ETH, MULTICHAIN_KEY);
    static final EthereumSigner MULTICHAIN_ON_BSC = new EthereumSigner(Chain.BSC, MULTICHAIN_KEY);

    private Accounts() {}
}
