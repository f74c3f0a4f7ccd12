package cloud.aleph.flink.jobs;

import cloud.aleph.flink.operators.state.ReferenceModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares an exported state (docs/state-semantics.md §8) with the oracle's: as canonical JSON
 * (the keys of every object sorted, since key order inside contents carries no meaning), entry by
 * entry, so that a failure names the entries that differ.
 */
final class StateComparison {

    private static final int SHOWN_DIFFERENCES = 12;
    private static final int SHOWN_CHARS = 400;

    private StateComparison() {}

    /**
     * @param context what the comparison is about (which run), for the failure message
     * @throws AssertionError naming the first differing entries, and how many differ per section
     */
    static void assertSameState(String context, JsonNode actual, JsonNode expected) {
        List<String> differences = differences(actual, expected);
        if (!differences.isEmpty()) {
            StringBuilder message = new StringBuilder(context).append(": the state read from Cassandra differs from the oracle's in ")
                    .append(differences.size()).append(" entries; the first:");
            differences.stream().limit(SHOWN_DIFFERENCES).forEach(d -> message.append("\n  ").append(d));
            throw new AssertionError(message.toString());
        }
        // Entry by entry equal; the whole text too (nothing outside the sections may differ either).
        if (!canonical(actual).equals(canonical(expected))) {
            throw new AssertionError(context + ": the states have equal entries but differ as a whole:\n  job:    "
                    + shorten(canonical(actual)) + "\n  oracle: " + shorten(canonical(expected)));
        }
    }

    /** One line per differing entry ({@code section key: job … oracle …}), sections and keys in sorted order. */
    static List<String> differences(JsonNode actual, JsonNode expected) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> sections = names(actual);
        sections.addAll(names(expected));
        for (String section : sections) {
            JsonNode actualSection = actual.path(section);
            JsonNode expectedSection = expected.path(section);
            if (!actualSection.isObject() || !expectedSection.isObject()) {
                if (!canonical(actualSection).equals(canonical(expectedSection))) {
                    differences.add(section + ": job " + shorten(canonical(actualSection))
                            + ", oracle " + shorten(canonical(expectedSection)));
                }
                continue;
            }
            TreeSet<String> keys = names(actualSection);
            keys.addAll(names(expectedSection));
            for (String key : keys) {
                JsonNode a = actualSection.get(key);
                JsonNode e = expectedSection.get(key);
                if (a == null) {
                    differences.add(section + " " + key + ": missing, oracle " + shorten(canonical(e)));
                } else if (e == null) {
                    differences.add(section + " " + key + ": job " + shorten(canonical(a)) + ", absent from the oracle");
                } else if (!canonical(a).equals(canonical(e))) {
                    differences.add(section + " " + key + ": job " + shorten(canonical(a)) + ", oracle " + shorten(canonical(e)));
                }
            }
        }
        return differences;
    }

    /** Compact JSON with the keys of every object sorted. */
    static String canonical(JsonNode node) {
        return ReferenceModel.text(sorted(node));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            names(node).forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static TreeSet<String> names(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "…(" + text.length() + " chars)";
    }
}
