package cloud.aleph.flink.operators.content;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every line of conformance/aleph-content-templates.jsonl with the expectations of the
 * conformance README, including the invalid variants aleph-message's tests build from them.
 */
class ContentTemplatesConformanceTest {

    private static final List<JsonNode> TEMPLATES =
            ContentTestSupport.resourceLines("/conformance/aleph-content-templates.jsonl").stream()
                    .map(ContentTestSupport::readTree)
                    .toList();

    private static MessageType typeOf(JsonNode template) {
        return MessageType.fromWire(template.get("type").asText()).orElseThrow();
    }

    /** Lines 1–6 carry {@code content}; line 7 (V-PROGRAM) carries the exact {@code item_content}. */
    private static ObjectNode contentOf(int line) {
        JsonNode template = TEMPLATES.get(line - 1);
        JsonNode itemContent = template.get("item_content");
        JsonNode content = itemContent != null && itemContent.isTextual()
                ? ContentTestSupport.readTree(itemContent.textValue())
                : template.get("content").deepCopy();
        return (ObjectNode) content;
    }

    @Test
    void fileHasTheSevenDocumentedLines() {
        assertThat(TEMPLATES).hasSize(7);
        assertThat(TEMPLATES.stream().map(t -> t.get("type").asText()))
                .containsExactly("PROGRAM", "PROGRAM", "INSTANCE", "INSTANCE", "INSTANCE", "FORGET", "V-PROGRAM");
    }

    @ParameterizedTest(name = "line {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void templateContentIsValid(int line) {
        assertThat(ContentTestSupport.reasonOrNull(typeOf(TEMPLATES.get(line - 1)), contentOf(line))).isNull();
    }

    @Test
    void vProgramItemContentMatchesItsParsedContent() {
        JsonNode template = TEMPLATES.get(6);
        assertThat(contentOf(7)).isEqualTo(template.get("content"));
        assertThat(contentOf(7).at("/verification/policy").asLong()).isEqualTo(196608L);
        assertThat(contentOf(7).at("/workload/roothash").asText()).isEqualTo("cd".repeat(32));
    }

    // line 4: PAYG GPU instance

    @Test
    void gpuInstanceWithFirecrackerIsRefused() {
        ObjectNode content = contentOf(4);
        ((ObjectNode) content.get("environment")).put("hypervisor", "firecracker");

        assertThat(ContentTestSupport.reasonOrNull(MessageType.INSTANCE, content))
                .isEqualTo("content: Value error, GPU option is only supported for QEmu hypervisor");
    }

    @Test
    void gpuInstanceWithoutNodeIsRefused() {
        ObjectNode content = contentOf(4);
        ((ObjectNode) content.get("requirements")).putNull("node");
        // superfluid payment needs node_hash too, and that rule runs first
        assertThat(ContentTestSupport.reasonOrNull(MessageType.INSTANCE, content))
                .isEqualTo("content: Value error, Node hash assignment is needed for PAYG or Credit payments");

        ((ObjectNode) content.get("payment")).put("type", "hold");
        assertThat(ContentTestSupport.reasonOrNull(MessageType.INSTANCE, content))
                .isEqualTo("content: Value error, Node hash assignment is needed for GPU support");
    }

    @Test
    void gpuInstanceWithHoldPaymentStaysValid() {
        ObjectNode content = contentOf(4);
        ((ObjectNode) content.get("payment")).put("type", "hold");

        assertThat(ContentTestSupport.reasonOrNull(MessageType.INSTANCE, content)).isNull();
    }

    @Test
    void paygInstanceWithoutGpuNorNodeIsRefused() {
        ObjectNode content = contentOf(4);
        ObjectNode requirements = (ObjectNode) content.get("requirements");
        requirements.putNull("gpu");
        requirements.putNull("node");

        assertThat(ContentTestSupport.reasonOrNull(MessageType.INSTANCE, content))
                .isEqualTo("content: Value error, Node hash assignment is needed for PAYG or Credit payments");
    }

    // line 5: confidential instance

    @Test
    void confidentialInstanceKeepsItsTrustedExecution() {
        ObjectNode content = contentOf(5);
        assertThat(content.at("/environment/trusted_execution/policy").asInt()).isEqualTo(1);
        assertThat(content.at("/environment/trusted_execution/firmware").asText()).startsWith("e258d248");
        assertThat(content.at("/requirements/node/node_hash").asText()).startsWith("4d4db19a");
    }

    @Test
    void confidentialInstanceWithFirecrackerIsRefusedAtTrustedExecution() {
        ObjectNode content = contentOf(5);
        ((ObjectNode) content.get("environment")).put("hypervisor", "firecracker");

        assertThat(ContentTestSupport.reasonOrNull(MessageType.INSTANCE, content))
                .isEqualTo("content.environment.trusted_execution: Value error, "
                        + "Trusted Execution Environment is only supported for QEmu");
    }

    // line 6: FORGET

    @Test
    void forgetTemplateTargetsTwoHashes() {
        assertThat(contentOf(6).get("hashes")).hasSize(2);
        assertThat(contentOf(6).has("aggregates")).isFalse();
    }
}
