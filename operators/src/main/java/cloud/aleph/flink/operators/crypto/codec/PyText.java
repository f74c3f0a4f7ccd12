package cloud.aleph.flink.operators.crypto.codec;

/**
 * Python {@code str} behaviours the reference verifiers depend on: what counts as whitespace for
 * {@code str.strip()} / {@code str.rstrip()} and whether {@code int(text, 16)} accepts a string.
 */
public final class PyText {

    private PyText() {}

    /** {@code str.isspace()} for one UTF-16 unit (all Python whitespace is in the BMP). */
    public static boolean isSpace(char c) {
        return (c >= 0x09 && c <= 0x0D)
                || (c >= 0x1C && c <= 0x20)
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

    /** {@code str.rstrip()}. */
    public static String rstrip(String text) {
        int end = text.length();
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** {@code str.strip()}. */
    public static String strip(String text) {
        int start = 0;
        while (start < text.length() && isSpace(text.charAt(start))) {
            start++;
        }
        return rstrip(text.substring(start));
    }

    /**
     * Whether {@code int(text, 16)} succeeds: optional surrounding whitespace and sign, optional
     * {@code 0x}/{@code 0X} prefix, hex digits (decimal digits of any script count) with single
     * underscores between them (one may follow the prefix).
     */
    public static boolean parsesAsHexInteger(String text) {
        String body = strip(text);
        int i = 0;
        if (i < body.length() && (body.charAt(i) == '+' || body.charAt(i) == '-')) {
            i++;
        }
        boolean underscoreAllowed = false;
        if (body.startsWith("0x", i) || body.startsWith("0X", i)) {
            i += 2;
            underscoreAllowed = true;
        }
        int digits = 0;
        boolean lastWasUnderscore = false;
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '_') {
                if (!underscoreAllowed || lastWasUnderscore) {
                    return false;
                }
                lastWasUnderscore = true;
                continue;
            }
            if (!isHexDigit(c)) {
                return false;
            }
            digits++;
            lastWasUnderscore = false;
            underscoreAllowed = true;
        }
        return digits > 0 && !lastWasUnderscore;
    }

    private static boolean isHexDigit(char c) {
        return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER;
    }
}
