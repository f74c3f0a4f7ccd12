package cloud.aleph.flink.operators.content;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The content of every inline line of conformance/aleph-fixtures.jsonl, parsed from
 * {@code item_content} with a plain ObjectMapper. All are valid for their type except line 65
 * (E10: a POST's content re-typed as AGGREGATE, which has no key).
 */
class FixtureContentConformanceTest {

    private static final int POST_RETYPED_AS_AGGREGATE = 65;

    private static final List<JsonNode> FIXTURES =
            ContentTestSupport.resourceLines("/conformance/aleph-fixtures.jsonl").stream()
                    .map(ContentTestSupport::readTree)
                    .toList();

    /** A04 carries item_content as an object (the reference test serialises it first). */
    private static JsonNode contentOf(JsonNode fixture) {
        JsonNode itemContent = fixture.get("item_content");
        return itemContent.isTextual() ? ContentTestSupport.readTree(itemContent.textValue()) : itemContent;
    }

    static Stream<Arguments> inlineLines() {
        return IntStream.rangeClosed(1, FIXTURES.size())
                .filter(line -> {
                    JsonNode itemContent = FIXTURES.get(line - 1).get("item_content");
                    return itemContent != null && !itemContent.isNull();
                })
                .filter(line -> line != POST_RETYPED_AS_AGGREGATE)
                .mapToObj(line -> Arguments.of(line, FIXTURES.get(line - 1).get("type").asText()));
    }

    @ParameterizedTest(name = "line {0} ({1})")
    @MethodSource("inlineLines")
    void inlineContentIsValid(int line, String type) {
        JsonNode fixture = FIXTURES.get(line - 1);

        String reason = ContentTestSupport.reasonOrNull(MessageType.fromWire(type).orElseThrow(), contentOf(fixture));

        assertThat(reason).isNull();
    }

    @Test
    void everyTypeOfTheFixturesIsCovered() {
        assertThat(inlineLines().map(a -> (String) a.get()[1]).distinct())
                .containsExactlyInAnyOrder("POST", "AGGREGATE", "STORE", "FORGET", "PROGRAM", "INSTANCE");
        assertThat(inlineLines().count()).isEqualTo(59);
    }

    @Test
    void postContentRetypedAsAggregateIsRefused() {
        JsonNode fixture = FIXTURES.get(POST_RETYPED_AS_AGGREGATE - 1);
        assertThat(fixture.get("type").asText()).isEqualTo("AGGREGATE");

        assertThat(ContentTestSupport.reasonOrNull(MessageType.AGGREGATE, contentOf(fixture)))
                .isEqualTo("content.key: Field required");
    }
}
