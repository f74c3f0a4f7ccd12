package cloud.aleph.flink.jobs;

import cloud.aleph.flink.operators.model.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One input published to the raw topic, with what the pipeline must make of it.
 *
 * @param label what the input is, for failure messages
 * @param json the exact text published
 * @param expectedCode null for a valid message, else the reference error code of its rejection
 * @param reasonFragment text the rejection reason must contain, or null to only require a reason
 */
record RawInput(String label, String json, ErrorCode expectedCode, String reasonFragment) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static RawInput valid(String label, String json) {
        return new RawInput(label, json, null, null);
    }

    static RawInput rejected(String label, String json, ErrorCode code, String reasonFragment) {
        return new RawInput(label, json, code, reasonFragment);
    }

    boolean isValid() {
        return expectedCode == null;
    }

    /** The id of its rejection record: sha256 hex of the published bytes. */
    String rejectionId() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A top-level field when the input is a JSON object and the field a string, else null. */
    String claimed(String field) {
        JsonNode value = field(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    String itemHash() {
        return claimed("item_hash");
    }

    /** A top-level field of the input, or null when absent or the input is not a JSON object. */
    JsonNode field(String field) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception notJson) {
            return null;
        }
        return root != null && root.isObject() ? root.get(field) : null;
    }

    @Override
    public String toString() {
        return label;
    }
}
