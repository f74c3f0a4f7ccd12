package cloud.aleph.flink.operators.signing;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.crypto.codec.Base58;
import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.json.AlephJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SolanaSignerTest {

    @Test
    void rawSignaturesFollowRfc8032() {
        // RFC 8032 section 7.1, TEST 1 (empty message)
        SolanaSigner signer = new SolanaSigner(Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(Hex.encode(Base58.decode(signer.address())))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(Hex.encode(signer.signRaw(new byte[0]))).isEqualTo(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void signatureFieldIsWrittenAsThePythonSdkDoes() throws Exception {
        SolanaSigner signer = DemoKeys.solana(0);
        byte[] buffer = "SOL\nsender\nPOST\nhash".getBytes(StandardCharsets.UTF_8);
        String field = signer.sign(buffer);
        String expected = "{\"publicKey\": \"" + signer.address() + "\", \"signature\": \""
                + Base58.encode(signer.signRaw(buffer)) + "\"}";
        assertThat(field).isEqualTo(expected);
        JsonNode parsed = AlephJson.parse(field);
        assertThat(parsed.get("publicKey").textValue()).isEqualTo(signer.address());
    }

    @Test
    void demoKeysAreStableAndDistinct() {
        assertThat(DemoKeys.solana(0).address()).isEqualTo(DemoKeys.solana(0).address());
        assertThat(DemoKeys.solana(0).address()).isNotEqualTo(DemoKeys.solana(1).address());
        assertThat(Base58.decode(DemoKeys.solana(5).address())).hasSize(32);
    }
}
