package cloud.aleph.flink.operators.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what CPython 3.11's json.dumps writes for the same values. */
class PythonJsonTest {

    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0",
        "0.1, 0.1",
        "1e16, 1e+16",
        "1e15, 1000000000000000.0",
        "123456789012345680000.0, 1.2345678901234568e+20",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "1.5e-7, 1.5e-07",
        "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "1700000000.123456, 1700000000.123456",
        "1652126646.5008686, 1652126646.5008686",
        "100.0, 100.0",
        "-0.0, -0.0",
        "1e22, 1e+22",
        "9007199254740993.0, 9007199254740992.0",
        "0.6666666666666666, 0.6666666666666666",
        "1.23e-18, 1.23e-18",
        "4.35, 4.35",
        "-2.5, -2.5"
    })
    void floatsAreWrittenAsPythonRepr(double value, String expected) {
        assertThat(PythonFloat.repr(value)).isEqualTo(expected);
    }

    @Test
    void nonFiniteFloatsAreWrittenAsJsonDumpsDoes() {
        assertThat(PythonFloat.repr(Double.NaN)).isEqualTo("NaN");
        assertThat(PythonFloat.repr(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(PythonFloat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void compactOutputMatchesPythonForNestedNonAsciiContent() {
        ObjectNode content = AlephJson.nodes().objectNode();
        content.put("address", "0xAbC");
        content.put("time", 1700000000.5);
        ObjectNode inner = content.putObject("content");
        inner.put("body", "Café ☃ 😀 \"q\" \\ \n\t\u007f\u0001");
        ObjectNode nested = inner.putObject("nested");
        nested.putArray("list").add(1).add(2.0).add(true).add(false).addNull().add(-3).addObject().put("k", "v");
        nested.putObject("empty");
        content.put("type", "note");
        content.put("big", new BigInteger("18446744073709551616"));

        // json.dumps(c, separators=(",", ":")) in CPython, key order as inserted
        assertThat(PythonJson.compact(content)).isEqualTo(
                "{\"address\":\"0xAbC\",\"time\":1700000000.5,\"content\":{\"body\":\"Caf\\u00e9 \\u2603 \\ud83d\\ude00"
                        + " \\\"q\\\" \\\\ \\n\\t\\u007f\\u0001\",\"nested\":{\"list\":[1,2.0,true,false,null,-3,{\"k\":\"v\"}],"
                        + "\"empty\":{}}},\"type\":\"note\",\"big\":18446744073709551616}");
    }

    @Test
    void spacedOutputUsesPythonDefaultSeparators() {
        ObjectNode signature = AlephJson.nodes().objectNode();
        signature.put("publicKey", "A");
        signature.put("signature", "B");
        signature.putArray("list").add(1).add(2);
        assertThat(PythonJson.spaced(signature)).isEqualTo("{\"publicKey\": \"A\", \"signature\": \"B\", \"list\": [1, 2]}");
    }

    @Test
    void parsedTextReadsBackToTheSameTree() throws Exception {
        String text = "{\"a\":[1,2.0,1e-05,\"\\u00e9\",{\"b\":null}],\"c\":18446744073709551615}";
        assertThat(PythonJson.compact(AlephJson.parse(text))).isEqualTo(text);
    }

    @Test
    void quoteEscapesLikeJsonDumpsWithEnsureAscii() {
        assertThat(PythonJson.quote("a\u007f\u0000\u001f\"\\\n\r\t\b\f/\u00e9\ud83d\ude00\u2028"))
                .isEqualTo("\"a\\u007f\\u0000\\u001f\\\"\\\\\\n\\r\\t\\b\\f/\\u00e9\\ud83d\\ude00\\u2028\"");
    }
}
