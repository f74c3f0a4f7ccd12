package cloud.aleph.flink.operators.content;

import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tags the reference stores with a message (spec §1.3, pyaleph {@code extract_tags}): POST
 * and AGGREGATE {@code content.content.tags}, STORE {@code content.tags}, PROGRAM, INSTANCE and
 * V-PROGRAM {@code content.metadata.tags}; string items only.
 */
public final class ContentTags {

    private ContentTags() {}

    /**
     * @return the string tags in order (duplicates kept), or empty when the location is not a
     *     non-empty list or keeps no string (the reference then stores NULL, not an empty list)
     */
    public static Optional<List<String>> extract(MessageType type, JsonNode content) {
        if (content == null || !content.isObject()) {
            return Optional.empty();
        }
        JsonNode tags = switch (type) {
            case POST, AGGREGATE -> child(content.get("content"));
            case STORE -> content.get("tags");
            case PROGRAM, INSTANCE, V_PROGRAM -> child(content.get("metadata"));
            case FORGET -> null;
        };
        if (tags == null || !tags.isArray() || tags.isEmpty()) {
            return Optional.empty();
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode tag : tags) {
            if (tag.isTextual()) {
                strings.add(tag.textValue());
            }
        }
        return strings.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(strings));
    }

    private static JsonNode child(JsonNode parent) {
        return parent != null && parent.isObject() ? parent.get("tags") : null;
    }
}
