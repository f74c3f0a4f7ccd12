package cloud.aleph.flink.operators.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The agreed state of one owner, as a pure function of its accepted messages: a decision per
 * message and the derived records (docs/state-semantics.md §4–§5).
 *
 * @param owner content.address
 * @param decisions per item_hash
 * @param aggregates per key
 * @param posts per original item_hash
 * @param tags per file tag
 * @param vms per original item_hash
 */
public record OwnerView(
        String owner,
        Map<String, Decision> decisions,
        Map<String, Aggregate> aggregates,
        Map<String, Post> posts,
        Map<String, Tag> tags,
        Map<String, Vm> vms) {

    /** Merged content of the live elements of a key; {@code revision} is the last of them. */
    public record Aggregate(JsonNode content, String revision, double created, double updated) {}

    /**
     * A post with its latest amend applied.
     *
     * @param type the original's content.type
     * @param channel the original's channel
     * @param content the latest's content.content (null when absent)
     * @param latest the latest amend, or the original
     * @param amends the live amends in canonical order
     * @param created the original's content.time
     * @param updated the latest's content.time
     */
    public record Post(String type, String channel, JsonNode content, String latest, List<String> amends,
            double created, double updated) {}

    /** The file a tag points at: the last live STORE of that tag. */
    public record Tag(String fileHash, String store, double updated) {}

    /** A VM and its current version: the last live update, or itself. */
    public record Vm(String type, String current, List<String> updates) {}
}
