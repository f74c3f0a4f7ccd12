package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;

/** Python's {@code bool(value)} for a parsed JSON value, for reference rules written as {@code if value:}. */
final class PythonTruthiness {

    private PythonTruthiness() {}

    static boolean isTruthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().signum() != 0;
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0.0;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return value.size() > 0;
    }
}
