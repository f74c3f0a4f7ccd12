package cloud.aleph.flink.operators.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** pydantic's {@code List[...]} and {@code Dict[str, ...]} in lax mode over JSON: arrays and objects only. */
final class JsonCollections {

    private JsonCollections() {}

    static List<JsonNode> list(JsonNode value, String loc, int maxLength) throws ContentFormatException {
        if (value == null || !value.isArray()) {
            throw new ContentFormatException(loc + ": Input should be a valid list");
        }
        if (value.size() > maxLength) {
            throw new ContentFormatException(
                    loc + ": List should have at most " + maxLength + " items after validation, not " + value.size());
        }
        List<JsonNode> items = new ArrayList<>(value.size());
        value.forEach(items::add);
        return items;
    }

    static ObjectNode dict(JsonNode value, String loc, int maxLength) throws ContentFormatException {
        if (value == null || !value.isObject()) {
            throw new ContentFormatException(loc + ": Input should be a valid dictionary");
        }
        if (value.size() > maxLength) {
            throw new ContentFormatException(
                    loc + ": Dictionary should have at most " + maxLength + " items after validation, not "
                            + value.size());
        }
        return (ObjectNode) value;
    }
}
