package cloud.aleph.flink.operators.content;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure helpers later state processing uses: aggregate key, post ref, tags, coercion, raw time. */
class ContentDerivationsTest {

    private static JsonNode json(String text) {
        return ContentTestSupport.readTree(text);
    }

    @Nested
    class AggregateKeys {

        @Test
        void stringKeyIsItself() {
            assertThat(AggregateKey.effectiveKey(json("{\"key\":\"profile\"}"))).isEqualTo("profile");
        }

        /** Expected values are Python's str(AggregateContentKey(name=...)) (pydantic 2.13.4). */
        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"foo\"                 | name='foo'",
            "\"it's\"                | name=\"it's\"",
            "\"say \\\"hi\\\"\"      | name='say \"hi\"'",
            "\"both ' and \\\"\"     | name='both \\' and \"'",
            "\"back\\\\slash\"       | name='back\\\\slash'",
            "\"tab\\tnl\\n\"         | name='tab\\tnl\\n'",
            "\"\\u00e9\"             | name='é'",
            "\"\\u200b\"             | name='\\u200b'",
            "\"\\u007f\"             | name='\\x7f'",
            "\"\\u0085\"             | name='\\x85'",
            "\"\\u00a0\"             | name='\\xa0'",
            "\"\\ud83d\\ude00\"      | name='😀'",
            "\"\\udb40\\udc01\"      | name='\\U000e0001'",
        })
        void objectKeyIsThePydanticRepr(String nameJson, String expected) {
            JsonNode content = json("{\"key\":{\"name\":" + nameJson + "}}");

            assertThat(AggregateKey.effectiveKey(content)).isEqualTo(expected);
        }
    }

    @Nested
    class PostRefs {

        @Test
        void stringRefIsItselfEvenWhenEmpty() {
            assertThat(PostRef.effectiveRef(json("{\"ref\":\"abc\"}"))).contains("abc");
            assertThat(PostRef.effectiveRef(json("{\"ref\":\"\"}"))).contains("");
        }

        @Test
        void chainRefGivesItsItemHash() {
            ObjectNode content = ContentBases.POST_CHAIN_REF.content();

            assertThat(PostRef.effectiveRef(content)).contains(content.at("/ref/item_hash").asText());
        }

        @Test
        void missingOrNullRefIsNone() {
            assertThat(PostRef.effectiveRef(json("{}"))).isEmpty();
            assertThat(PostRef.effectiveRef(json("{\"ref\":null}"))).isEmpty();
        }
    }

    @Nested
    class Tags {

        @Test
        void postAndAggregateTagsLiveInTheInnerContent() {
            JsonNode content = json("{\"content\":{\"tags\":[\"a\",1,\"b\",null,\"a\"]},\"tags\":[\"outer\"]}");

            assertThat(ContentTags.extract(MessageType.POST, content)).contains(List.of("a", "b", "a"));
            assertThat(ContentTags.extract(MessageType.AGGREGATE, content)).contains(List.of("a", "b", "a"));
        }

        @Test
        void storeTagsAreTopLevel() {
            JsonNode content = json("{\"tags\":[\"t\"],\"metadata\":{\"tags\":[\"m\"]}}");

            assertThat(ContentTags.extract(MessageType.STORE, content)).contains(List.of("t"));
        }

        @Test
        void executableTagsLiveInMetadata() {
            JsonNode content = json("{\"tags\":[\"t\"],\"metadata\":{\"tags\":[\"m\"]}}");
            for (MessageType type : List.of(MessageType.PROGRAM, MessageType.INSTANCE, MessageType.V_PROGRAM)) {
                assertThat(ContentTags.extract(type, content)).as(type.wire()).contains(List.of("m"));
            }
        }

        @Test
        void noListNoStringsOrForgetGiveNone() {
            assertThat(ContentTags.extract(MessageType.STORE, json("{\"tags\":\"a\"}"))).isEmpty();
            assertThat(ContentTags.extract(MessageType.STORE, json("{\"tags\":[]}"))).isEmpty();
            assertThat(ContentTags.extract(MessageType.STORE, json("{\"tags\":[1,{}]}"))).isEmpty();
            assertThat(ContentTags.extract(MessageType.POST, json("{\"content\":[\"tags\"]}"))).isEmpty();
            assertThat(ContentTags.extract(MessageType.FORGET, json("{\"tags\":[\"a\"]}"))).isEmpty();
        }
    }

    @Nested
    class Coercion {

        @Test
        void missingOrNullAddressAndTimeTakeTheEnvelopeValues() {
            ObjectNode fetched = (ObjectNode) json("{\"address\":null,\"type\":\"x\"}");

            ObjectNode coerced = ContentCoercion.withDefaults(fetched, "0xSender", 1619017773.8950577);

            assertThat(coerced.get("address").asText()).isEqualTo("0xSender");
            assertThat(coerced.get("time").doubleValue()).isEqualTo(1619017773.895058);
            assertThat(fetched.get("address").isNull()).as("input untouched").isTrue();
        }

        @Test
        void presentValuesAreKept() {
            ObjectNode fetched = (ObjectNode) json("{\"address\":\"0xOwner\",\"time\":\"12\"}");

            ObjectNode coerced = ContentCoercion.withDefaults(fetched, "0xSender", 5.0);

            assertThat(coerced).isEqualTo(fetched);
        }

        /** Expected values: Python's datetime.fromtimestamp(t, timezone.utc).timestamp(). */
        @ParameterizedTest
        @CsvSource({
            "1619017773.8950577, 1619017773.895058",
            "1652085236.777, 1652085236.777",
            "0.0000005, 0.0",
            "0.0000015, 0.000002",
            "1.9999995, 1.999999",
            "-0.5, -0.5",
            "1697718147.269707, 1697718147.269707",
        })
        void envelopeTimeIsRoundedToTheMicrosecondLikeADatetime(double seconds, double expected) {
            assertThat(ContentCoercion.envelopeTimestamp(seconds)).isEqualTo(expected);
        }
    }

    @Nested
    class RawTime {

        @Test
        void numbersAndBooleansPassFromTimestampButStringsDoNot() {
            assertThat(RawContentTime.acceptedByFromTimestamp(json("{\"time\":1.5}"))).isTrue();
            assertThat(RawContentTime.acceptedByFromTimestamp(json("{\"time\":12}"))).isTrue();
            assertThat(RawContentTime.acceptedByFromTimestamp(json("{\"time\":true}"))).isTrue();
            assertThat(RawContentTime.acceptedByFromTimestamp(json("{\"time\":\"12\"}"))).isFalse();
        }

        @Test
        void aStringTimePassesTheSchemaAndNeedsThisSecondCheck() {
            ObjectNode content = ContentBases.POST.content().put("time", "12");

            assertThat(ContentBases.POST.reasonFor(content)).isNull();
            assertThat(RawContentTime.acceptedByFromTimestamp(content)).isFalse();
        }
    }

    @Test
    void optionalIsEmptyNotNullForAbsentTags() {
        assertThat(ContentTags.extract(MessageType.POST, json("{}"))).isEqualTo(Optional.empty());
    }
}
