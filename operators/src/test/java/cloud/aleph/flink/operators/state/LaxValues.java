package cloud.aleph.flink.operators.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;

/**
 * The two lax (pydantic) values the state rules read out of schema-valid content: a float
 * ({@code content.time}) and a bool ({@code allow_amend}, {@code use_latest}). Written here on
 * purpose, independently of the schema code, so the oracle does not share it with the job.
 */
final class LaxValues {

    private LaxValues() {}

    /**
     * {@code content.time} as a number: JSON numbers as they are, booleans 1/0, numeric strings
     * parsed (white space and underscores dropped, as pydantic does). {@code -0.0} becomes
     * {@code 0.0} so that it ties with {@code 0.0} in the canonical order.
     */
    static double contentTime(JsonNode content) {
        JsonNode time = content.get("time");
        double value;
        if (time == null || time.isNull()) {
            throw new IllegalStateException("schema-valid content has a time");
        } else if (time.isBoolean()) {
            value = time.booleanValue() ? 1.0 : 0.0;
        } else if (time.isIntegralNumber()) {
            value = time.bigIntegerValue().doubleValue();
        } else if (time.isNumber()) {
            value = time.doubleValue();
        } else if (time.isTextual()) {
            value = Double.parseDouble(time.textValue().strip().replace("_", ""));
        } else {
            throw new IllegalStateException("schema-valid content has a numeric time, not " + time);
        }
        return value + 0.0;
    }

    /** A lax bool field of {@code object}, or {@code fallback} when it is absent or null. */
    static boolean bool(JsonNode object, String field, boolean fallback) {
        JsonNode value = object == null ? null : object.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return !value.bigIntegerValue().equals(BigInteger.ZERO);
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0.0;
        }
        if (value.isTextual()) {
            switch (value.textValue().toLowerCase(java.util.Locale.ROOT)) {
                case "1": case "t": case "y": case "on": case "yes": case "true":
                    return true;
                case "0": case "f": case "n": case "off": case "no": case "false":
                    return false;
                default:
                    break;
            }
        }
        throw new IllegalStateException("schema-valid content has a bool in " + field + ", not " + value);
    }
}
