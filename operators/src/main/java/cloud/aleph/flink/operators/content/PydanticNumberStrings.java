package cloud.aleph.flink.operators.content;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * How pydantic-core reads a number out of a string in lax mode (its {@code str_as_float} and
 * {@code str_as_int}): Rust's float grammar after trimming Unicode white space, an underscore
 * retry, and an integer clean-up (sign, leading zeros, a {@code .000} tail, underscores).
 */
final class PydanticNumberStrings {

    /** Rust's f64 grammar, before the case-insensitive inf/infinity/nan words. */
    private static final Pattern RUST_DECIMAL =
            Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    /** A JSON integer, what pydantic's final parse accepts. */
    private static final Pattern JSON_INT = Pattern.compile("-?(0|[1-9][0-9]*)");

    private PydanticNumberStrings() {}

    /** @return the float value, or null when pydantic reports {@code float_parsing} */
    static Double parseFloat(String text) {
        Double direct = parseRustFloat(trimUnicodeWhiteSpace(text));
        if (direct != null) {
            return direct;
        }
        // the retry strips underscores from the untrimmed text
        String stripped = stripUnderscores(text);
        return stripped == null ? null : parseRustFloat(stripped);
    }

    private static Double parseRustFloat(String text) {
        String unsigned = text;
        boolean negative = false;
        if (!text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            negative = text.charAt(0) == '-';
            unsigned = text.substring(1);
        }
        if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (!RUST_DECIMAL.matcher(text).matches()) {
            return null;
        }
        // the grammar check above leaves only inputs Java parses with the same correctly rounded value
        return Double.parseDouble(text);
    }

    /** @return the integer value, or null when pydantic reports {@code int_parsing} */
    static BigInteger parseInt(String text) {
        String candidate = JSON_INT.matcher(text).matches() ? text : cleanIntString(text);
        if (candidate == null || !JSON_INT.matcher(candidate).matches()) {
            return null;
        }
        int digits = candidate.startsWith("-") ? candidate.length() - 1 : candidate.length();
        if (digits > ContentLimits.MAX_INT_STRING_DIGITS) {
            return null;
        }
        return new BigInteger(candidate);
    }

    private static String cleanIntString(String original) {
        String s = trimUnicodeWhiteSpace(original);
        if (s.startsWith("+")) {
            if (s.startsWith("+-")) {
                return null;
            }
            s = s.substring(1);
        }
        boolean negative = false;
        if (s.startsWith("-")) {
            if (s.startsWith("--") || s.startsWith("-+")) {
                return null;
            }
            negative = true;
            s = s.substring(1);
        }
        s = stripLeadingZeros(s);
        if (s == null) {
            return null;
        }
        int dot = s.indexOf('.');
        if (dot >= 0) {
            String decimals = s.substring(dot + 1);
            if (!decimals.isEmpty() && decimals.chars().allMatch(c -> c == '0')) {
                s = s.substring(0, dot);
            }
        }
        String sign = negative ? "-" : "";
        String withoutUnderscores = stripUnderscores(s);
        if (withoutUnderscores != null) {
            return sign + withoutUnderscores;
        }
        if (original.length() == s.length()) {
            return null;
        }
        return sign + s;
    }

    /**
     * Keeps one zero for "000" and "00.0"; zeros and underscores before the first other digit go.
     * Anything but a digit, '-', '.' or '_' in that prefix makes the string invalid.
     */
    private static String stripLeadingZeros(String s) {
        if (s.isEmpty()) {
            return null;
        }
        char first = s.charAt(0);
        if (first != '0') {
            return (first >= '1' && first <= '9') || first == '-' ? s : null;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '0' || c == '_') {
                continue;
            }
            if ((c >= '1' && c <= '9') || c == '-') {
                return s.substring(i);
            }
            if (c == '.') {
                return s.substring(i - 1);
            }
            return null;
        }
        return s.substring(s.length() - 1);
    }

    /** Python rejects leading, trailing and doubled underscores; null when there is nothing to strip. */
    private static String stripUnderscores(String s) {
        if (s.startsWith("_") || s.endsWith("_") || !s.contains("_") || s.contains("__")) {
            return null;
        }
        return s.replace("_", "");
    }

    /** Rust's {@code str::trim}: the Unicode White_Space property (not Java's isWhitespace). */
    static String trimUnicodeWhiteSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isUnicodeWhiteSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isUnicodeWhiteSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isUnicodeWhiteSpace(char c) {
        return (c >= 0x09 && c <= 0x0D)
                || c == 0x20
                || c == 0x85
                || c == 0xA0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000;
    }
}
