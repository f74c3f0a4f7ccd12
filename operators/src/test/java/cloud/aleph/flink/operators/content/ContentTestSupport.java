package cloud.aleph.flink.operators.content;

import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Shared helpers of the content tests: resources, JSON building and validation outcomes. */
final class ContentTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    private ContentTestSupport() {}

    static List<String> resourceLines(String name) {
        try (InputStream in = ContentTestSupport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode resourceTree(String name) {
        return readTree(String.join("\n", resourceLines(name)));
    }

    /** @return null when the content is valid, else the reason */
    static String reasonOrNull(MessageType type, JsonNode content) {
        try {
            ContentSchemas.validate(type, content);
            return null;
        } catch (ContentFormatException e) {
            return e.getMessage();
        }
    }

    /** Sets a value at a path of keys (String) and indexes (Integer), creating nothing. */
    static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = navigate(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    static void remove(JsonNode root, List<Object> path) {
        JsonNode parent = navigate(root, path.subList(0, path.size() - 1));
        ((ObjectNode) parent).remove((String) path.get(path.size() - 1));
    }

    static JsonNode navigate(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    /** Sets a value at a JSON pointer such as {@code /resources/vcpus} or {@code /volumes/0/size_mib}. */
    static void put(JsonNode root, String pointer, JsonNode value) {
        List<Object> path = new java.util.ArrayList<>();
        JsonNode node = root;
        for (String step : pointer.substring(1).split("/")) {
            Object key = node != null && node.isArray() ? (Object) Integer.parseInt(step) : step;
            path.add(key);
            node = node == null ? null : (key instanceof Integer i ? node.get(i) : node.get(step));
        }
        set(root, path, value);
    }
}
