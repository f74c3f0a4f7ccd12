package cloud.aleph.flink.connectors.config;

import java.util.regex.Pattern;

/** Checks names that end up inside CQL text, where they cannot be bound as values. */
public final class Identifiers {

    private static final Pattern KEYSPACE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");

    private Identifiers() {}

    /** Returns the name in lower case: unquoted CQL identifiers are case-insensitive. */
    public static String requireKeyspace(String name) {
        if (name == null || !KEYSPACE.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "invalid keyspace name '" + name + "': a letter, then letters, digits or underscores, at most 48");
        }
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
