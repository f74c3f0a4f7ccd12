package cloud.aleph.flink.operators.crypto.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON as the reference's Python verifiers read and write it: {@code json.loads} (accepts NaN and
 * Infinity), {@code orjson.loads} (strict RFC 8259: no NaN or infinite numbers, no lone
 * surrogates) and the string quoting of {@code json.dumps} (ASCII only, lower-case escapes).
 */
public final class PyJson {

    private static final JsonMapper PYTHON_JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonMapper STRICT_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PyJson() {}

    /**
     * {@code json.loads(text)}.
     *
     * @throws IllegalArgumentException where Python raises JSONDecodeError
     */
    public static JsonNode loads(String text) {
        return parse(PYTHON_JSON, text);
    }

    /**
     * {@code orjson.loads(text)}.
     *
     * @throws IllegalArgumentException where orjson raises JSONDecodeError
     */
    public static JsonNode orjsonLoads(String text) {
        JsonNode node = parse(STRICT_JSON, text);
        if (!strictlyValid(node)) {
            throw new IllegalArgumentException("not strict JSON (infinite number or lone surrogate)");
        }
        return node;
    }

    /** {@code json.dumps(text)} for a string, with the default {@code ensure_ascii=True}. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c >= 0x7F) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static JsonNode parse(JsonMapper mapper, String text) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("Expecting value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    private static boolean strictlyValid(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            return Double.isFinite(node.doubleValue());
        }
        if (node.isTextual()) {
            return wellFormed(node.textValue());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!wellFormed(field.getKey()) || !strictlyValid(field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                if (!strictlyValid(child)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the UTF-16 text has no unpaired surrogate (so that it has a UTF-8 form). */
    public static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
