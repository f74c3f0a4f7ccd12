package cloud.aleph.flink.operators.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Python's {@code json.dumps} with its defaults ({@code ensure_ascii=True}, insertion key order):
 * the way the official SDKs write {@code item_content} (spec §2.2), so that a message built here
 * hashes exactly like one built by the Python SDK.
 */
public final class PythonJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonJson() {}

    /** {@code json.dumps(value, separators=(",", ":"))}: the canonical item_content. */
    public static String compact(JsonNode value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out, ",", ":");
        return out.toString();
    }

    /** {@code json.dumps(value)}: default separators {@code ", "} and {@code ": "}. */
    public static String spaced(JsonNode value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out, ", ", ": ");
        return out.toString();
    }

    private static void write(JsonNode value, StringBuilder out, String itemSeparator, String keySeparator) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            out.append("null");
        } else if (value.isObject()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (!first) {
                    out.append(itemSeparator);
                }
                first = false;
                writeString(field.getKey(), out);
                out.append(keySeparator);
                write(field.getValue(), out, itemSeparator, keySeparator);
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(itemSeparator);
                }
                write(value.get(i), out, itemSeparator, keySeparator);
            }
            out.append(']');
        } else if (value.isTextual()) {
            writeString(value.textValue(), out);
        } else if (value.isBoolean()) {
            out.append(value.booleanValue() ? "true" : "false");
        } else if (value.isIntegralNumber()) {
            out.append(value.bigIntegerValue().toString());
        } else if (value.isNumber()) {
            // Python serialises Decimal through float as well (the SDK's extended encoder).
            out.append(PythonFloat.repr(value.doubleValue()));
        } else {
            throw new IllegalArgumentException("not a JSON value Python can write: " + value.getNodeType());
        }
    }

    /** {@code json.dumps(text)} for a string, with the default {@code ensure_ascii=True}. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        writeString(text, out);
        return out.toString();
    }

    /** A string as {@code json.dumps} writes it with {@code ensure_ascii=True}. */
    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    // Printable ASCII is written as is; everything else (DEL included) as \\uXXXX of its
                    // UTF-16 units, which is what Python emits for astral characters too.
                    if (c >= ' ' && c <= '~') {
                        out.append(c);
                    } else {
                        out.append("\\u")
                                .append(HEX[(c >> 12) & 0xF])
                                .append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF])
                                .append(HEX[c & 0xF]);
                    }
            }
        }
        out.append('"');
    }
}
