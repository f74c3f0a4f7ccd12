package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.json.AlephJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The aggregate merge (§4): top-level keys of the elements' {@code content.content}, later wins, nulls kept. */
final class ShallowMerge {

    private ShallowMerge() {}

    /** @param elements AGGREGATE messages, already in canonical order */
    static ObjectNode of(List<ModelMessage> elements) {
        ObjectNode merged = AlephJson.nodes().objectNode();
        for (ModelMessage element : elements) {
            JsonNode content = element.content().get("content");
            for (Iterator<Map.Entry<String, JsonNode>> fields = content.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                merged.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return merged;
    }
}
