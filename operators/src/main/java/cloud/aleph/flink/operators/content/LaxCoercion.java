package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;

/**
 * The value conversions of pydantic v2 in lax (Python) mode, applied to parsed JSON as the
 * reference applies them to the dict its JSON parser returns: a JSON integer is a Python int, a
 * JSON number with a fraction or an exponent a Python float (pydantic-core 2.46, pinned through
 * pydantic 2.13.4 by the reference).
 *
 * <p>Each method returns the converted value or throws with {@code loc: message}.
 */
final class LaxCoercion {

    /** i64::MAX as f64 (2^63); pydantic only turns floats strictly inside (-2^63, 2^63) into ints. */
    private static final double TWO_POW_63 = 0x1p63;

    private LaxCoercion() {}

    static boolean isNone(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    /** {@code str}: only JSON strings; pydantic v2 never turns numbers or booleans into strings. */
    static String str(JsonNode value, String loc) throws ContentFormatException {
        if (value != null && value.isTextual()) {
            return value.textValue();
        }
        throw new ContentFormatException(loc + ": Input should be a valid string");
    }

    /** {@code str} with {@code max_length}, counted in code points like Python's len(). */
    static String str(JsonNode value, String loc, int maxLength) throws ContentFormatException {
        String text = str(value, loc);
        checkLength(text, loc, maxLength);
        return text;
    }

    static void checkLength(String text, String loc, int maxLength) throws ContentFormatException {
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new ContentFormatException(
                    loc + ": String should have at most " + maxLength + " characters");
        }
    }

    /**
     * {@code float}: numbers, booleans (1.0/0.0) and numeric strings as Rust parses them after
     * trimming Unicode white space ({@code "1_000"} too, {@code "inf"} and {@code "nan"} included).
     */
    static double toFloat(JsonNode value, String loc) throws ContentFormatException {
        if (value != null) {
            if (value.isBoolean()) {
                return value.booleanValue() ? 1.0 : 0.0;
            }
            if (value.isIntegralNumber()) {
                double converted = value.bigIntegerValue().doubleValue();
                if (Double.isInfinite(converted)) {
                    // Python's float(int) overflows
                    throw new ContentFormatException(loc + ": Input should be a valid number");
                }
                return converted;
            }
            if (value.isNumber()) {
                return value.doubleValue();
            }
            if (value.isTextual()) {
                Double parsed = PydanticNumberStrings.parseFloat(value.textValue());
                if (parsed == null) {
                    throw new ContentFormatException(
                            loc + ": Input should be a valid number, unable to parse string as a number");
                }
                return parsed;
            }
        }
        throw new ContentFormatException(loc + ": Input should be a valid number");
    }

    /** {@code float} with {@code ge}/{@code le}; NaN fails both comparisons, as in pydantic. */
    static double toFloat(JsonNode value, String loc, double min, double max) throws ContentFormatException {
        double converted = toFloat(value, loc);
        if (!(converted >= min)) {
            throw new ContentFormatException(loc + ": Input should be greater than or equal to " + min);
        }
        if (!(converted <= max)) {
            throw new ContentFormatException(loc + ": Input should be less than or equal to " + max);
        }
        return converted;
    }

    /**
     * Lax {@code int}: integers, booleans, floats without a fraction inside (-2^63, 2^63), and
     * integer strings as pydantic cleans them (white space, sign, leading zeros, {@code .0}, '_').
     */
    static BigInteger toInt(JsonNode value, String loc) throws ContentFormatException {
        if (value != null) {
            if (value.isIntegralNumber()) {
                return value.bigIntegerValue();
            }
            if (value.isBoolean()) {
                return value.booleanValue() ? BigInteger.ONE : BigInteger.ZERO;
            }
            if (value.isNumber()) {
                return floatToInt(value.doubleValue(), loc);
            }
            if (value.isTextual()) {
                BigInteger parsed = PydanticNumberStrings.parseInt(value.textValue());
                if (parsed == null) {
                    throw new ContentFormatException(
                            loc + ": Input should be a valid integer, unable to parse string as an integer");
                }
                return parsed;
            }
        }
        throw new ContentFormatException(loc + ": Input should be a valid integer");
    }

    /** Strict {@code int} ({@code strict=True}): JSON integers only, not booleans, floats or strings. */
    static BigInteger toStrictInt(JsonNode value, String loc) throws ContentFormatException {
        if (value != null && value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        throw new ContentFormatException(loc + ": Input should be a valid integer");
    }

    private static BigInteger floatToInt(double number, String loc) throws ContentFormatException {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new ContentFormatException(loc + ": Input should be a finite number");
        }
        if (number % 1.0 != 0.0) {
            throw new ContentFormatException(
                    loc + ": Input should be a valid integer, got a number with a fractional part");
        }
        if (-TWO_POW_63 < number && number < TWO_POW_63) {
            return BigInteger.valueOf((long) number);
        }
        throw new ContentFormatException(
                loc + ": Unable to parse input string as an integer, exceeded maximum size");
    }

    /** Lax {@code int} with {@code ge}/{@code le} (inclusive bounds). */
    static long toInt(JsonNode value, String loc, long min, long max) throws ContentFormatException {
        return checkRange(toInt(value, loc), loc, min, max);
    }

    /** Strict {@code int} with {@code gt=0}/{@code le} bounds expressed inclusively. */
    static long toStrictInt(JsonNode value, String loc, long min, long max) throws ContentFormatException {
        return checkRange(toStrictInt(value, loc), loc, min, max);
    }

    static long checkRange(BigInteger number, String loc, long min, long max) throws ContentFormatException {
        if (number.compareTo(BigInteger.valueOf(min)) < 0) {
            throw new ContentFormatException(loc + ": Input should be greater than or equal to " + min);
        }
        if (number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new ContentFormatException(loc + ": Input should be less than or equal to " + max);
        }
        return number.longValue();
    }

    /**
     * Lax {@code bool}: booleans, the integers 0 and 1, the floats 0.0 and 1.0, and the strings
     * 0/1, f/t, n/y, no/yes, off/on, false/true (ASCII case-insensitive, no trimming).
     */
    static boolean toBool(JsonNode value, String loc) throws ContentFormatException {
        if (value != null) {
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            if (value.isIntegralNumber()) {
                BigInteger number = value.bigIntegerValue();
                if (number.signum() == 0) {
                    return false;
                }
                if (number.equals(BigInteger.ONE)) {
                    return true;
                }
                throw new ContentFormatException(loc + ": Input should be a valid boolean");
            }
            if (value.isNumber()) {
                double number = value.doubleValue();
                if (number == 0.0) {
                    return false;
                }
                if (number == 1.0) {
                    return true;
                }
                throw new ContentFormatException(loc + ": Input should be a valid boolean");
            }
            if (value.isTextual()) {
                Boolean parsed = parseBoolString(value.textValue());
                if (parsed != null) {
                    return parsed;
                }
                throw new ContentFormatException(
                        loc + ": Input should be a valid boolean, unable to interpret input");
            }
        }
        throw new ContentFormatException(loc + ": Input should be a valid boolean");
    }

    private static Boolean parseBoolString(String text) {
        if (text.equals("0")) {
            return false;
        }
        if (text.equals("1")) {
            return true;
        }
        for (String word : new String[] {"f", "n", "no", "off", "false"}) {
            if (text.equalsIgnoreCase(word) && isAscii(text)) {
                return false;
            }
        }
        for (String word : new String[] {"t", "y", "on", "yes", "true"}) {
            if (text.equalsIgnoreCase(word) && isAscii(text)) {
                return true;
            }
        }
        return null;
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    /** {@code Literal[True]} (an ephemeral volume's flag): True, and the equal values 1 and 1.0. */
    static void literalTrue(JsonNode value, String loc) throws ContentFormatException {
        boolean matches = value != null
                && ((value.isBoolean() && value.booleanValue())
                        || (value.isIntegralNumber() && value.bigIntegerValue().equals(BigInteger.ONE))
                        || (value.isFloatingPointNumber() && value.doubleValue() == 1.0));
        if (!matches) {
            throw new ContentFormatException(loc + ": Input should be True");
        }
    }

    /** A str {@code Enum} or string {@code Literal}: exact, case-sensitive values. */
    static String oneOf(JsonNode value, String loc, java.util.Set<String> allowed) throws ContentFormatException {
        if (value != null && value.isTextual() && allowed.contains(value.textValue())) {
            return value.textValue();
        }
        throw new ContentFormatException(loc + ": Input should be " + describe(allowed));
    }

    private static String describe(java.util.Set<String> allowed) {
        StringBuilder out = new StringBuilder();
        java.util.List<String> sorted = new java.util.ArrayList<>(allowed);
        java.util.Collections.sort(sorted);
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                out.append(i == sorted.size() - 1 ? " or " : ", ");
            }
            out.append('\'').append(sorted.get(i)).append('\'');
        }
        return out.toString();
    }
}
