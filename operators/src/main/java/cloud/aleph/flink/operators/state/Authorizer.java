package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether an owner's {@code security} aggregate lets a sender act for the owner
 * (docs/state-semantics.md §1, reference spec §5 rule 3).
 */
final class Authorizer {

    private final List<JsonNode> entries;

    private Authorizer(List<JsonNode> entries) {
        this.entries = entries;
    }

    /** @param security merged content of the owner's security aggregate, or null when it has none */
    static Authorizer of(JsonNode security) {
        List<JsonNode> entries = new ArrayList<>();
        JsonNode authorizations = security == null ? null : security.get("authorizations");
        if (authorizations != null && authorizations.isArray()) {
            authorizations.forEach(entry -> {
                if (entry.isObject()) {
                    entries.add(entry);
                }
            });
        }
        return new Authorizer(entries);
    }

    /**
     * @param sender the signer asking
     * @param type type of the message it creates (or forgets)
     * @param chain, channel, postType, aggregateKey attributes of that message (postType only for
     *     POST, aggregateKey only for AGGREGATE)
     */
    boolean allows(String sender, MessageType type, String chain, String channel, String postType, String aggregateKey) {
        String who = lower(sender);
        for (JsonNode entry : entries) {
            if (entry.path("address").isTextual()
                    && lower(entry.get("address").textValue()).equals(who)
                    && matchesValue(entry.get("chain"), chain)
                    && matchesList(entry.get("channels"), channel)
                    && matchesList(entry.get("types"), type.wire())
                    && (type != MessageType.POST || matchesList(entry.get("post_types"), postType))
                    && (type != MessageType.AGGREGATE || matchesList(entry.get("aggregate_keys"), aggregateKey))) {
                return true;
            }
        }
        return false;
    }

    boolean allows(String sender, MessageFacts target) {
        return allows(sender, target.type(), target.chain(), target.channel(), target.postType(), target.aggregateKey());
    }

    /** A filter that is absent or falsy in Python's sense (null, "", [], 0, false, {}) allows anything. */
    private static boolean matchesValue(JsonNode filter, String value) {
        if (!truthy(filter)) {
            return true;
        }
        return filter.isTextual() && filter.textValue().equals(value);
    }

    /** A truthy list filter must be a JSON array holding the value (a null value matches a JSON null). */
    private static boolean matchesList(JsonNode filter, String value) {
        if (!truthy(filter)) {
            return true;
        }
        if (!filter.isArray()) {
            return false;
        }
        for (JsonNode allowed : filter) {
            if (value == null ? allowed.isNull() : allowed.isTextual() && allowed.textValue().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0.0 || (value.isIntegralNumber() && value.bigIntegerValue().signum() != 0);
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return value.size() > 0;
    }

    /** ASCII lower case (docs/state-semantics.md notation): addresses are compared case-insensitively. */
    static String lower(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            lower.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return lower.toString();
    }
}
