package cloud.aleph.flink.operators.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * pydantic's lax conversions field type by field type, on real contents. Values are JSON
 * literals; expectations were checked against the reference models (pydantic 2.13.4).
 */
class LaxCoercionTest {

    private static String reason(ContentBases base, String pointer, String jsonValue) {
        ObjectNode content = base.content();
        JsonNode value = ContentTestSupport.readTree(jsonValue);
        ContentTestSupport.put(content, pointer, value);
        return base.reasonFor(content);
    }

    /** float: numbers, booleans and numeric strings (Rust grammar, Unicode trim, '_'); not inf/nan here (bounds). */
    @ParameterizedTest(name = "time = {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"12\"         | true",
        "\" 12 \"       | true",
        "\"12\u00a0\"   | true",
        "\"1_000\"      | true",
        "\"1e3\"        | true",
        "\"-0\"         | true",
        "true           | true",
        "false          | true",
        "12             | true",
        "\"abc\"        | false",
        "\"\"           | false",
        "\"nan\"        | false",
        "\"inf\"        | false",
        "\"0x10\"       | false",
        "null           | false",
        "[]             | false",
        "{}             | false",
    })
    void contentTimeIsALaxFloat(String value, boolean valid) {
        assertThat(reason(ContentBases.POST, "/time", value) == null).isEqualTo(valid);
    }

    /** int: integers, integral floats, integer strings (sign, spaces, '_', ".0"), booleans; no fractions or hex. */
    @ParameterizedTest(name = "vcpus = {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"2\"     | true",
        "2.0       | true",
        "\"2.0\"   | true",
        "\" 2 \"   | true",
        "\"1_0\"   | true",
        "true      | true",
        "false     | false",
        "2.5       | false",
        "\"0x2\"   | false",
        "\"2e0\"   | false",
        "null      | false",
    })
    void resourcesAreLaxInts(String value, boolean valid) {
        assertThat(reason(ContentBases.PROGRAM, "/resources/vcpus", value) == null).isEqualTo(valid);
    }

    /** strict int: only JSON integers. */
    @ParameterizedTest(name = "size_mib = {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "5       | true",
        "5.0     | false",
        "\"5\"   | false",
        "true    | false",
    })
    void volumeSizesAreStrictInts(String value, boolean valid) {
        assertThat(reason(ContentBases.PROGRAM, "/volumes/1/size_mib", value) == null).isEqualTo(valid);
        assertThat(reason(ContentBases.INSTANCE, "/rootfs/size_mib", value) == null).isEqualTo(valid);
    }

    /** bool: booleans, 0/1, 0.0/1.0 and the words of pydantic (ASCII case-insensitive, untrimmed). */
    @ParameterizedTest(name = "allow_amend = {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"yes\"    | true",
        "\"off\"    | true",
        "\"TRUE\"   | true",
        "\"t\"      | true",
        "1.0        | true",
        "0          | true",
        "2          | false",
        "\"maybe\"  | false",
        "\" true\"  | false",
        "null       | false",
    })
    void flagsAreLaxBools(String value, boolean valid) {
        assertThat(reason(ContentBases.PROGRAM, "/allow_amend", value) == null).isEqualTo(valid);
    }

    /** Literal[True]: True and the equal numbers 1 and 1.0, nothing else. */
    @ParameterizedTest(name = "ephemeral = {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "true     | true",
        "1        | true",
        "1.0      | true",
        "\"true\" | false",
        "false    | false",
        "null     | false",
    })
    void ephemeralFlagIsLiteralTrue(String value, boolean valid) {
        assertThat(reason(ContentBases.PROGRAM, "/volumes/1/ephemeral", value) == null).isEqualTo(valid);
    }

    /** str: only strings; pydantic v2 turns no number or boolean into a string. */
    @ParameterizedTest(name = "type = {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"x\"   | true",
        "1       | false",
        "true    | false",
        "null    | false",
    })
    void stringsStayStrings(String value, boolean valid) {
        assertThat(reason(ContentBases.POST, "/type", value) == null).isEqualTo(valid);
        assertThat(reason(ContentBases.POST, "/address", value) == null).isEqualTo(valid);
    }

    /** Optional[int] without bounds: STORE size. */
    @ParameterizedTest(name = "size = {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"12\"                     | true",
        "12.0                       | true",
        "-5                         | true",
        "null                       | true",
        "100000000000000000000000   | true",
        "1.5                        | false",
        "1e20                       | false",
    })
    void storeSizeIsAnOptionalLaxInt(String value, boolean valid) {
        assertThat(reason(ContentBases.STORE, "/size", value) == null).isEqualTo(valid);
    }
}
