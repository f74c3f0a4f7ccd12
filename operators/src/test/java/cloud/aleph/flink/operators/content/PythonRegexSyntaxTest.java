package cloud.aleph.flink.operators.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PythonRegexSyntaxTest {

    /** Hand-picked and random patterns with the verdict of CPython's re.compile (see content/README.md). */
    static Stream<Arguments> corpus() {
        return ContentTestSupport.resourceLines("/content/python-re-patterns.jsonl").stream()
                .map(ContentTestSupport::readTree)
                .map(c -> Arguments.of(c.get("pattern").textValue(), c.get("compiles").booleanValue()));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("corpus")
    void compilesExactlyWhenPythonDoes(String pattern, boolean compiles) {
        String error = PythonRegexSyntax.compileError(pattern);

        assertThat(error == null).as("%s (our error: %s)", pattern, error).isEqualTo(compiles);
    }

    @Test
    void corpusHoldsBothOutcomes() {
        assertThat(corpus().map(a -> (Boolean) a.get()[1])).contains(true, false);
        assertThat(corpus().count()).isGreaterThanOrEqualTo(4000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?P<n>x)", "x{,3}", "[[]", "(?#c)", "(a)(?(1)a|b)"})
    void acceptsPythonPatternsThatJavaRefuses(String pattern) {
        assertThat(PythonRegexSyntax.compileError(pattern)).isNull();
        assertThat(javaCompiles(pattern)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\z", "\\p{L}", "(?<n>x)", "(?<=a|bc)", "(a)\\2", "a(?i)", "\\Qa\\E"})
    void refusesPatternsThatJavaAccepts(String pattern) {
        assertThat(PythonRegexSyntax.compileError(pattern)).isNotNull();
        assertThat(javaCompiles(pattern)).isTrue();
    }

    /** CPython 3.12 turned 3.11's warning on non-ASCII-digit conditional group ids into an error. */
    @ParameterizedTest
    @ValueSource(strings = {"(?( 1)a)(b)", "(?(+1)a)(b)", "(?(1_0)a)", "(?(\u0663)a)(b)(c)(d)"})
    void conditionalGroupIdsMustBeAsciiDigits(String pattern) {
        assertThat(PythonRegexSyntax.compileError(pattern)).contains("bad character in group name");
    }

    @Test
    void repetitionCountsFromMaxRepeatOverflow() {
        assertThat(PythonRegexSyntax.compileError("a{4294967294}")).isNull();
        assertThat(PythonRegexSyntax.compileError("a{4294967295}")).isEqualTo("the repetition number is too large");
    }

    @Test
    void lookBehindMustHaveAFixedWidth() {
        assertThat(PythonRegexSyntax.compileError("(?<=ab|cd)x")).isNull();
        assertThat(PythonRegexSyntax.compileError("(?<=a|cd)x")).isEqualTo("look-behind requires fixed-width pattern");
        assertThat(PythonRegexSyntax.compileError("(a)(?<=\\1)")).isNull();
        assertThat(PythonRegexSyntax.compileError("(a+)(?<=\\1)")).isEqualTo("look-behind requires fixed-width pattern");
    }

    private static boolean javaCompiles(String pattern) {
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
