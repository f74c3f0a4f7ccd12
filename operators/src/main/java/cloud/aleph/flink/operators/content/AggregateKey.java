package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The aggregate key as the reference stores it (spec §4.2): {@code str(content.key)}. For the
 * string form that is the string; for the object form {@code {"name": "foo"}} it is the pydantic
 * model's str, {@code name='foo'} — a Python repr of the name, quotes and escapes included
 * [QUIRK]. Aggregates written with the two forms are therefore different aggregates.
 */
public final class AggregateKey {

    private AggregateKey() {}

    /** @param content schema-valid AGGREGATE content */
    public static String effectiveKey(JsonNode content) {
        JsonNode key = content.get("key");
        if (key.isObject()) {
            return "name=" + PythonStrRepr.of(key.get("name").textValue());
        }
        return key.textValue();
    }
}
