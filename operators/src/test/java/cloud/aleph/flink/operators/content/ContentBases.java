package cloud.aleph.flink.operators.content;

import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Valid contents of every type (test resource content/oracle-bases.json), copied fresh for each use. */
enum ContentBases {
    POST("post"),
    POST_CHAIN_REF("post_chainref"),
    AGGREGATE("aggregate"),
    AGGREGATE_NAMED_KEY("aggregate_named"),
    STORE("store"),
    FORGET("forget"),
    PROGRAM("program"),
    INSTANCE("instance"),
    INSTANCE_PLAIN("instance_plain"),
    V_PROGRAM("vprogram");

    private static final JsonNode BASES = ContentTestSupport.resourceTree("/content/oracle-bases.json");

    private final String key;

    ContentBases(String key) {
        this.key = key;
    }

    ObjectNode content() {
        return (ObjectNode) BASES.get(key).get("content").deepCopy();
    }

    MessageType type() {
        return MessageType.fromWire(BASES.get(key).get("type").asText()).orElseThrow();
    }

    /** @return null when valid, else the reason */
    String reasonFor(JsonNode content) {
        return ContentTestSupport.reasonOrNull(type(), content);
    }
}
