package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.model.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sec(O)} of §1 — the shallow merge of an owner's security elements — and the
 * authorization test against its {@code authorizations} list.
 *
 * <p>Filter reading (the document says "each present, non-empty filter matches"): a filter is
 * present when its value is truthy in Python terms (not null, false, 0, "", [] or {}). A present
 * {@code chain} grants only when it is a string equal to the chain's wire name; a present
 * {@code channels}, {@code types}, {@code post_types} or {@code aggregate_keys} grants only when
 * it is an array holding the attribute (JSON equality, so a null channel matches only a JSON
 * null); a present filter of any other JSON type never grants. An entry whose {@code address} is
 * not a string is skipped.
 */
final class Delegations {

    private final List<JsonNode> entries;

    private Delegations(List<JsonNode> entries) {
        this.entries = entries;
    }

    /** @param securityElements live security elements of one owner, in canonical order */
    static Delegations of(List<ModelMessage> securityElements) {
        JsonNode authorizations = ShallowMerge.of(securityElements).get("authorizations");
        List<JsonNode> entries = new ArrayList<>();
        if (authorizations != null && authorizations.isArray()) {
            authorizations.forEach(entry -> {
                if (entry.isObject()) {
                    entries.add(entry);
                }
            });
        }
        return new Delegations(entries);
    }

    /** Whether some entry lets {@code sender} act with these attributes (the owner check is the caller's). */
    boolean authorize(String sender, AuthAttributes attributes) {
        String lowerSender = Ascii.lower(sender);
        for (JsonNode entry : entries) {
            JsonNode address = entry.get("address");
            if (address == null || !address.isTextual() || !Ascii.lower(address.textValue()).equals(lowerSender)) {
                continue;
            }
            if (grants(entry, attributes)) {
                return true;
            }
        }
        return false;
    }

    private static boolean grants(JsonNode entry, AuthAttributes attributes) {
        JsonNode chain = entry.get("chain");
        if (truthy(chain) && !(chain.isTextual() && chain.textValue().equals(attributes.chain()))) {
            return false;
        }
        if (!listAllows(entry.get("channels"), attributes.channel())) {
            return false;
        }
        if (!listAllows(entry.get("types"), attributes.type().wire())) {
            return false;
        }
        if (attributes.type() == MessageType.POST && !listAllows(entry.get("post_types"), attributes.postType())) {
            return false;
        }
        return attributes.type() != MessageType.AGGREGATE
                || listAllows(entry.get("aggregate_keys"), attributes.aggregateKey());
    }

    /** An absent filter allows everything; a present one must be an array holding the value. */
    private static boolean listAllows(JsonNode filter, String value) {
        if (!truthy(filter)) {
            return true;
        }
        if (!filter.isArray()) {
            return false;
        }
        for (JsonNode item : filter) {
            if (value == null ? item.isNull() : item.isTextual() && item.textValue().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean truthy(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
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
