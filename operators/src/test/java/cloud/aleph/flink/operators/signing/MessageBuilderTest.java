package cloud.aleph.flink.operators.signing;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.verify.MessageVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class MessageBuilderTest {

    private static final MessageVerifier VERIFIER = MessageVerifier.withDefaultVerifiers();

    /**
     * CPython: json.dumps({"address": "0xADDR", "time": 1700000000.25, "type": "blog", "content":
     * {"title": "Ça marche ✓", "tags": ["über", "日本"], "meta": {"emoji": "🚀", "n": 3, "ratio": 0.1,
     * "ok": True, "none": None}}}, separators=(",", ":"))
     */
    private static final String PYTHON_ITEM_CONTENT =
            "{\"address\":\"0xADDR\",\"time\":1700000000.25,\"type\":\"blog\",\"content\":{\"title\":\"\\u00c7a marche \\u2713\","
                    + "\"tags\":[\"\\u00fcber\",\"\\u65e5\\u672c\"],\"meta\":{\"emoji\":\"\\ud83d\\ude80\",\"n\":3,\"ratio\":0.1,"
                    + "\"ok\":true,\"none\":null}}}";

    @Test
    void itemContentIsByteIdenticalToPythonJsonDumps() {
        assertThat(MessageBuilder.of(MessageType.POST, sampleContent("0xADDR")).itemContent()).isEqualTo(PYTHON_ITEM_CONTENT);
    }

    @Test
    void ethereumMessagesAreAccepted() throws Exception {
        EthereumSigner signer = DemoKeys.ethereum(0);
        String envelope = MessageBuilder.of(MessageType.POST, sampleContent(signer.address()))
                .channel("TEST")
                .time(1_700_000_000.5)
                .build(signer);

        Verdict verdict = VERIFIER.verifyLine(envelope);

        assertThat(verdict.isAccepted()).as("%s", verdict.rejected()).isTrue();
        assertThat(verdict.accepted().chain()).isEqualTo(Chain.ETH);
        assertThat(verdict.accepted().sender()).isEqualTo(signer.address());
        assertThat(verdict.accepted().owner()).isEqualTo(signer.address());
        assertThat(verdict.accepted().channel()).isEqualTo("TEST");
        assertThat(verdict.accepted().time()).isEqualTo(1_700_000_000.5);
        assertThat(verdict.accepted().contentTime()).isEqualTo(1_700_000_000.25);
        assertThat(verdict.accepted().itemType()).isEqualTo(ItemType.INLINE);
        JsonNode parsed = AlephJson.parse(envelope);
        assertThat(verdict.accepted().itemContent()).isEqualTo(parsed.get("item_content").textValue());
        assertThat(parsed.get("signature").textValue()).startsWith("0x").hasSize(132);
    }

    @Test
    void solanaMessagesAreAccepted() throws Exception {
        SolanaSigner signer = DemoKeys.solana(0);
        String envelope = MessageBuilder.of(MessageType.AGGREGATE, aggregate(signer.address())).time(1_700_000_001).build(signer);

        Verdict verdict = VERIFIER.verifyLine(envelope);

        assertThat(verdict.isAccepted()).as("%s", verdict.rejected()).isTrue();
        assertThat(verdict.accepted().chain()).isEqualTo(Chain.SOL);
        assertThat(verdict.accepted().channel()).isNull();
        assertThat(AlephJson.parse(envelope).get("signature").textValue()).startsWith("{\"publicKey\": \"" + signer.address() + "\", \"signature\": \"");
    }

    @Test
    void sizeCountsCodePointsOfTheEscapedText() {
        EthereumSigner signer = DemoKeys.ethereum(1);
        ObjectNode content = sampleContent(signer.address());
        Verdict verdict = VERIFIER.verifyLine(MessageBuilder.of(MessageType.POST, content).time(1).build(signer));
        assertThat(verdict.accepted().size()).isEqualTo(MessageBuilder.of(MessageType.POST, content).itemContent().length());
    }

    static ObjectNode sampleContent(String address) {
        ObjectNode content = AlephJson.nodes().objectNode();
        content.put("address", address);
        content.put("time", 1_700_000_000.25);
        content.put("type", "blog");
        ObjectNode inner = content.putObject("content");
        inner.put("title", "Ça marche ✓");
        inner.putArray("tags").add("über").add("日本");
        ObjectNode meta = inner.putObject("meta");
        meta.put("emoji", "🚀");
        meta.put("n", 3);
        meta.put("ratio", 0.1);
        meta.put("ok", true);
        meta.putNull("none");
        return content;
    }

    static ObjectNode aggregate(String address) {
        ObjectNode content = AlephJson.nodes().objectNode();
        content.put("address", address);
        content.put("key", "profile");
        content.putObject("content").put("name", "Zoë");
        content.put("time", 1_700_000_001.0);
        return content;
    }
}
