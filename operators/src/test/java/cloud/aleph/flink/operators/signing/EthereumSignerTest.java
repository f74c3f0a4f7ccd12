package cloud.aleph.flink.operators.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.aleph.flink.operators.crypto.EthereumAddress;
import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.model.Chain;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EthereumSignerTest {

    /** Private key of eth-account's documentation example for {@code sign_message}. */
    private static final byte[] DOC_KEY = Hex.decode("b25c7db31feed9122727bf0939dc769a96564b2de4c4726d035b36ecf1e5b364");

    @Test
    void reproducesEthAccountsDocumentedSignature() {
        EthereumSigner signer = new EthereumSigner(DOC_KEY);
        assertThat(signer.address()).isEqualTo("0x5ce9454909639D2D17A3F753ce7d93fa0b9aB12E");
        // Account.sign_message(encode_defunct(text="I♥SF"), key).signature
        assertThat(signer.sign("I♥SF".getBytes(StandardCharsets.UTF_8))).isEqualTo(
                "0xe6ca9bba58c88611fad66a6ce8f996908195593807c4b38bd528d2cff09d4eb3"
                        + "3e5bfbbf4d3e39b1a2fd816a7680c19ebebaf3a141b239934ad43cb33fcec8ce1c");
    }

    @Test
    void signaturesAreDeterministicLowSAndUseV27Or28() {
        BigInteger halfN = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16).shiftRight(1);
        EthereumSigner signer = DemoKeys.ethereum(0);
        boolean seen27 = false;
        boolean seen28 = false;
        for (int i = 0; i < 64; i++) {
            byte[] message = ("message " + i).getBytes(StandardCharsets.UTF_8);
            String signature = signer.sign(message);
            assertThat(signer.sign(message)).isEqualTo(signature);
            assertThat(signature).startsWith("0x").hasSize(132);
            byte[] bytes = Hex.decode(signature);
            assertThat(new BigInteger(1, Arrays.copyOfRange(bytes, 32, 64))).isLessThanOrEqualTo(halfN);
            assertThat(bytes[64]).isIn((byte) 27, (byte) 28);
            seen27 |= bytes[64] == 27;
            seen28 |= bytes[64] == 28;
        }
        assertThat(seen27 && seen28).as("both recovery ids occur").isTrue();
    }

    @Test
    void addressesUseTheEip55Checksum() {
        // vectors from EIP-55
        for (String address : new String[] {
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
        }) {
            assertThat(EthereumAddress.checksummed(address.toLowerCase())).isEqualTo(address);
        }
    }

    @Test
    void demoKeysAreStableAndDistinct() {
        assertThat(DemoKeys.ethereum(0).address()).isEqualTo(DemoKeys.ethereum(0).address());
        assertThat(DemoKeys.ethereum(0).address()).isNotEqualTo(DemoKeys.ethereum(1).address());
        assertThat(DemoKeys.ethereum(3).chain()).isEqualTo(Chain.ETH);
    }

    @Test
    void refusesInvalidKeysAndNonEvmChains() {
        assertThatThrownBy(() -> new EthereumSigner(new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EthereumSigner(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EthereumSigner(Chain.SOL, DOC_KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new EthereumSigner(Chain.NEO, DOC_KEY).chain()).isEqualTo(Chain.NEO);
    }
}
