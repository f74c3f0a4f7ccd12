package cloud.aleph.flink.operators.content;

/**
 * Python's {@code repr(str)}: single quotes unless the text has a single quote and no double
 * quote; backslash, the chosen quote, \t \n \r escaped; other non-printable characters as
 * {@code \xhh}, {@code \\uhhhh} or {@code \Uhhhhhhhh}. "Printable" follows Python's
 * {@code str.isprintable}: everything but the categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other
 * than the space. Categories come from Java's Unicode tables, which may lag Python's for code
 * points assigned in the newest Unicode versions.
 */
final class PythonStrRepr {

    private PythonStrRepr() {}

    static String of(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        text.codePoints().forEach(cp -> append(out, cp, quote));
        return out.append(quote).toString();
    }

    private static void append(StringBuilder out, int cp, char quote) {
        if (cp == quote || cp == '\\') {
            out.append('\\').appendCodePoint(cp);
        } else if (cp == '\t') {
            out.append("\\t");
        } else if (cp == '\n') {
            out.append("\\n");
        } else if (cp == '\r') {
            out.append("\\r");
        } else if (cp < 0x20 || cp == 0x7f) {
            out.append(String.format("\\x%02x", cp));
        } else if (cp < 0x7f || isPrintable(cp)) {
            out.appendCodePoint(cp);
        } else if (cp <= 0xff) {
            out.append(String.format("\\x%02x", cp));
        } else if (cp <= 0xffff) {
            out.append(String.format("\\u%04x", cp));
        } else {
            out.append(String.format("\\U%08x", cp));
        }
    }

    private static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
