package cloud.aleph.flink.operators.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The orjson dialect (spec §1.2); expected behaviours checked against orjson 3.8.3. */
class AlephJsonTest {

    @Test
    void duplicateKeysKeepTheLastValueAtTheFirstPosition() throws Exception {
        JsonNode node = AlephJson.parse("{\"a\":1,\"b\":2,\"a\":3}");
        assertThat(node.size()).isEqualTo(2);
        assertThat(List.of(node.fieldNames().next())).containsExactly("a");
        assertThat(node.get("a").intValue()).isEqualTo(3);
        assertThat(node.get("b").intValue()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "[Infinity]", "[-Infinity]", "{\"t\":NaN}", "1e400", "-1e400"})
    void nonFiniteNumbersAreRefused(String text) {
        assertThatThrownBy(() -> AlephJson.parse(text)).isInstanceOf(AlephJsonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\ud800\"", "\"\\udc00\"", "\"\\ud83d x\"", "{\"\\ud800\":1}", "[\"ok\",\"\\udfff\\ud800\"]"})
    void loneSurrogatesAreRefused(String text) {
        assertThatThrownBy(() -> AlephJson.parse(text))
                .isInstanceOf(AlephJsonException.class)
                .hasMessageContaining("surrogate");
    }

    @Test
    void escapedSurrogatePairsAreOneCharacter() throws Exception {
        assertThat(AlephJson.parse("\"\\ud83d\\ude00\"").textValue()).isEqualTo("😀");
        assertThat(AlephJson.parse("\"\\uDBFF\\uDFFF\"").textValue()).isEqualTo(new String(Character.toChars(0x10FFFF)));
    }

    @Test
    void integersStayExactUpTo64BitsAndBecomeFloatsBeyond() throws Exception {
        JsonNode max = AlephJson.parse("18446744073709551615");
        assertThat(max.isIntegralNumber()).isTrue();
        assertThat(max.bigIntegerValue()).isEqualTo(new BigInteger("18446744073709551615"));

        JsonNode above = AlephJson.parse("18446744073709551616");
        assertThat(above.isFloatingPointNumber()).isTrue();
        assertThat(above.doubleValue()).isEqualTo(1.8446744073709552E19);

        JsonNode min = AlephJson.parse("-9223372036854775808");
        assertThat(min.isIntegralNumber()).isTrue();
        assertThat(min.longValue()).isEqualTo(Long.MIN_VALUE);

        JsonNode below = AlephJson.parse("-9223372036854775809");
        assertThat(below.isFloatingPointNumber()).isTrue();
        assertThat(below.doubleValue()).isEqualTo(-9.223372036854776E18);

        assertThat(AlephJson.parse("123456789012345678901234567890").doubleValue()).isEqualTo(1.2345678901234568E29);
        assertThatThrownBy(() -> AlephJson.parse("1" + "0".repeat(400))).isInstanceOf(AlephJsonException.class);
    }

    @Test
    void floatsFollowDoubleRounding() throws Exception {
        assertThat(AlephJson.parse("1e-400").doubleValue()).isEqualTo(0.0);
        assertThat(AlephJson.parse("1E2").doubleValue()).isEqualTo(100.0);
        assertThat(AlephJson.parse("1.5e308").doubleValue()).isEqualTo(1.5e308);
        assertThat(AlephJson.parse("-0").isIntegralNumber()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "\n", "{\"a\":1} x", "{} {}", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "tru", "'a'",
        "{'a':1}", "[1]//c", "/*c*/1", "\"a\tb\"", "\"\\x\"", "\uFEFF{}", "{\"a\" 1}", "[", "{\"a\":", "\"abc"
    })
    void malformedTextIsRefused(String text) {
        assertThatThrownBy(() -> AlephJson.parse(text)).isInstanceOf(AlephJsonException.class);
    }

    @Test
    void surroundingWhitespaceIsAccepted() throws Exception {
        assertThat(AlephJson.parse(" \t\r\n{\"a\" : 1}  \n").get("a").intValue()).isEqualTo(1);
        assertThat(AlephJson.parse("\"\\u0000\"").textValue()).isEqualTo("\u0000");
    }

    @Test
    void bytesMustBeStrictUtf8() throws Exception {
        assertThat(AlephJson.parse("{\"é\":\"€\"}".getBytes(StandardCharsets.UTF_8)).get("é").textValue()).isEqualTo("€");
        assertThatThrownBy(() -> AlephJson.parse(new byte[] {'"', (byte) 0xFF, '"'}))
                .isInstanceOf(AlephJsonException.class)
                .hasMessageContaining("UTF-8");
        // a surrogate encoded in UTF-8 (CESU style) is not UTF-8
        assertThatThrownBy(() -> AlephJson.parse(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}))
                .isInstanceOf(AlephJsonException.class);
        assertThatThrownBy(() -> AlephJson.parse(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}))
                .isInstanceOf(AlephJsonException.class);
    }

    @Test
    void nestingIsCappedWithoutOverflowingTheStack() throws Exception {
        int depth = AlephJson.MAX_NESTING_DEPTH;
        assertThat(AlephJson.parse("[".repeat(depth) + "]".repeat(depth)).isArray()).isTrue();
        assertThatThrownBy(() -> AlephJson.parse("[".repeat(100_000) + "]".repeat(100_000)))
                .isInstanceOf(AlephJsonException.class);
    }

    @Test
    void scalarsAreValidDocuments() throws Exception {
        assertThat(AlephJson.parse("[]").isArray()).isTrue();
        assertThat(AlephJson.parse("null").isNull()).isTrue();
        assertThat(AlephJson.parse("\"s\"").textValue()).isEqualTo("s");
    }

    @Test
    void pythonStdlibDialectAcceptsWhatJsonLoadsAccepts() throws Exception {
        assertThat(Double.isNaN(AlephJson.parsePythonStdlib("{\"v\":NaN}").get("v").doubleValue())).isTrue();
        assertThat(AlephJson.parsePythonStdlib("[-Infinity]").get(0).doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(AlephJson.parsePythonStdlib("\"\\ud800\"").textValue()).isEqualTo("\ud800");
        assertThat(AlephJson.parsePythonStdlib("123456789012345678901234567890").isIntegralNumber()).isTrue();
        assertThat(AlephJson.parsePythonStdlib("{\"a\":1,\"a\":2}").get("a").intValue()).isEqualTo(2);
        assertThatThrownBy(() -> AlephJson.parsePythonStdlib("{\"a\":1} x")).isInstanceOf(AlephJsonException.class);
    }

    @Test
    void sharedParsingIsThreadSafe() {
        String text = "{\"k\":[1,2.5,\"x\",{\"n\":null}],\"k2\":true}";
        List<String> results = IntStream.range(0, 2_000)
                .parallel()
                .mapToObj(i -> {
                    try {
                        return AlephJson.parse(text).toString();
                    } catch (AlephJsonException e) {
                        return e.toString();
                    }
                })
                .distinct()
                .toList();
        assertThat(results).containsExactly("{\"k\":[1,2.5,\"x\",{\"n\":null}],\"k2\":true}");
    }


    @Test
    void pythonStdlibAcceptsWhatJsonLoadsAcceptsAndTheOrjsonDialectIsStricter() throws Exception {
        assertThat(AlephJson.parsePythonStdlib("{\"a\": NaN}").get("a").isNumber()).isTrue();
        assertThat(AlephJson.parsePythonStdlib(" {\"a\":1,\"a\":2} ").get("a").intValue()).isEqualTo(2);
        assertThatThrownBy(() -> AlephJson.parsePythonStdlib("[1] x")).isInstanceOf(AlephJsonException.class);
        assertThatThrownBy(() -> AlephJson.parsePythonStdlib("")).isInstanceOf(AlephJsonException.class);
        assertThatThrownBy(() -> AlephJson.parse("{\"a\": NaN}")).isInstanceOf(AlephJsonException.class);
        assertThatThrownBy(() -> AlephJson.parse("{\"a\": 1e400}")).isInstanceOf(AlephJsonException.class);
        assertThatThrownBy(() -> AlephJson.parse("{\"a\": \"\\ud800\"}")).isInstanceOf(AlephJsonException.class);
        assertThat(AlephJson.parse("{\"a\": \"\\ud83d\\ude00\"}").get("a").textValue()).isEqualTo("\ud83d\ude00");
    }
}
