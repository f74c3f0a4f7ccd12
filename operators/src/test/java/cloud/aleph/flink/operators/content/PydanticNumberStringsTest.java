package cloud.aleph.flink.operators.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strings read as numbers; expectations are pydantic-core 2.46.4's answers for a float / an int field. */
class PydanticNumberStringsTest {

    @ParameterizedTest(name = "float({0}) = {1}")
    @CsvSource(delimiter = '|', nullValues = "ERR", value = {
        "12            | 12.0",
        "'  12 '       | 12.0",
        "'12\u2003'    | 12.0",
        "+5            | 5.0",
        "5.            | 5.0",
        ".5            | 0.5",
        "+.5           | 0.5",
        "-.5e-3        | -0.0005",
        "1E5           | 100000.0",
        "1.5E+3        | 1500.0",
        "1_000.5       | 1000.5",
        "1_.5          | 1.5",
        "1e1_0         | 1.0E10",
        "0001.5        | 1.5",
        "1e400         | Infinity",
        "infinity      | Infinity",
        "-INF          | -Infinity",
        "iNfInItY      | Infinity",
        "NaN           | NaN",
        "1e            | ERR",
        "1e+           | ERR",
        ".             | ERR",
        "0x1p3         | ERR",
        "' 1_000'      | ERR",
        "1__0          | ERR",
        "_1            | ERR",
        "1_            | ERR",
        "++1           | ERR",
        "1d            | ERR",
        "1f            | ERR",
        "\u0661\u0662  | ERR",
        "''            | ERR",
    })
    void floats(String text, Double expected) {
        assertThat(PydanticNumberStrings.parseFloat(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "int({0}) = {1}")
    @CsvSource(delimiter = '|', nullValues = "ERR", value = {
        "12          | 12",
        "0012        | 12",
        "1_000       | 1000",
        "0-1         | -1",
        "-1.0        | -1",
        "-00         | 0",
        "+0          | 0",
        "00          | 0",
        "0.0         | 0",
        "0_1         | 1",
        "0__1        | 1",
        "-0_1        | -1",
        "1_0_0       | 100",
        "' 1_0'      | 10",
        "'12 '       | 12",
        "'1.0 '      | 1",
        "-0.00       | 0",
        "'\u00a012'  | 12",
        "99999999999999999999999 | 99999999999999999999999",
        "+           | ERR",
        "-           | ERR",
        "-+1         | ERR",
        "+-1         | ERR",
        "_1          | ERR",
        "1_          | ERR",
        "1__0        | ERR",
        "1.00_0      | ERR",
        "1.0_0       | ERR",
        "0x10        | ERR",
        "1e5         | ERR",
        "0.          | ERR",
        "00.         | ERR",
        "0.01        | ERR",
        "12a         | ERR",
        "\u0663      | ERR",
    })
    void ints(String text, String expected) {
        assertThat(PydanticNumberStrings.parseInt(text)).isEqualTo(expected == null ? null : new BigInteger(expected));
    }

    @ParameterizedTest(name = "int of {0} digits")
    @CsvSource({"4300, true", "4301, false"})
    void intStringsHaveCPythonsDigitLimit(int digits, boolean parses) {
        assertThat(PydanticNumberStrings.parseInt("7".repeat(digits)) != null).isEqualTo(parses);
    }
}
