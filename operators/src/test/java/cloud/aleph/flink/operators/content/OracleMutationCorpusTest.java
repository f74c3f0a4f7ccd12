package cloud.aleph.flink.operators.content;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential cases labelled by the reference's own models: for every field of a rich valid
 * content of each type, the field is removed, replaced by probe values (None, booleans, numbers,
 * numeric and other strings, lists, objects, hashes, long strings), and each object gets an
 * extra key. {@code valid} is what aleph-message (pydantic 2.13.4; V-PROGRAM at the commit
 * pyaleph pins) answered for that exact JSON; see content/README.md for how the file was made.
 */
class OracleMutationCorpusTest {

    private static final JsonNode BASES = ContentTestSupport.resourceTree("/content/oracle-bases.json");

    static Stream<Arguments> cases() {
        return ContentTestSupport.resourceLines("/content/oracle-mutations.jsonl").stream()
                .map(ContentTestSupport::readTree)
                .map(c -> Arguments.of(describe(c), c));
    }

    private static String describe(JsonNode c) {
        return c.get("base").asText() + " " + c.get("op").asText() + " " + c.get("path")
                + (c.has("value") ? " = " + abbreviate(c.get("value").toString()) : "")
                + " -> " + (c.get("valid").asBoolean() ? "valid" : "invalid");
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdictMatchesTheReferenceModels(String description, JsonNode c) {
        JsonNode base = BASES.get(c.get("base").asText());
        MessageType type = MessageType.fromWire(base.get("type").asText()).orElseThrow();
        JsonNode content = base.get("content").deepCopy();
        List<Object> path = new ArrayList<>();
        c.get("path").forEach(step -> path.add(step.isInt() ? (Object) step.intValue() : step.asText()));
        switch (c.get("op").asText()) {
            case "set" -> ContentTestSupport.set(content, path, c.get("value"));
            case "delete" -> ContentTestSupport.remove(content, path);
            case "extra" -> ((ObjectNode) ContentTestSupport.navigate(content, path)).set("zz_extra", c.get("value"));
            default -> throw new IllegalArgumentException(c.toString());
        }

        String reason = ContentTestSupport.reasonOrNull(type, content);

        boolean expectedValid = c.get("valid").asBoolean();
        assertThat(reason == null)
                .as("%s (our reason: %s)", description, reason)
                .isEqualTo(expectedValid);
    }

    @Test
    void corpusMixesValidAndInvalidCasesOfEveryType() {
        List<JsonNode> all = cases().map(a -> (JsonNode) a.get()[1]).toList();
        assertThat(all).hasSizeGreaterThan(5000);
        for (String type : List.of("POST", "AGGREGATE", "STORE", "FORGET", "PROGRAM", "INSTANCE", "V-PROGRAM")) {
            List<Boolean> verdicts = all.stream()
                    .filter(c -> BASES.get(c.get("base").asText()).get("type").asText().equals(type))
                    .map(c -> c.get("valid").asBoolean())
                    .toList();
            assertThat(verdicts).as(type).contains(true, false);
        }
    }
}
