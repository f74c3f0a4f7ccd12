package cloud.aleph.flink.jobs;

import cloud.aleph.flink.operators.model.MessageStatus;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * The tables the exported state does not show, checked against a settled state: the rows of a
 * message exist exactly while it is processed, nothing is left pending after every wait expired,
 * and the listings of posts and files hold exactly the exported posts and files. They catch a lost
 * or stale row that the export cannot.
 */
final class StateTables {

    private StateTables() {}

    static void assertRowsFollow(CqlSession session, String keyspace, JsonNode state, Collection<String> rejectionIds,
            String context) {
        List<String> processed = sorted(OracleState.withStatus(state, MessageStatus.PROCESSED.wire()));
        List<String> posts = new ArrayList<>();
        state.get("posts").fieldNames().forEachRemaining(posts::add);
        List<String> files = new ArrayList<>();
        state.get("files").fields().forEachRemaining(f -> files.add(f.getValue().get("owner").textValue() + " " + f.getKey()));

        SoftAssertions softly = new SoftAssertions();
        for (String table : List.of("messages", "messages_by_sender", "messages_by_owner", "messages_by_type")) {
            softly.assertThat(sorted(column(session, "SELECT item_hash FROM " + keyspace + "." + table)))
                    .as("%s: item_hashes of %s (one row per processed message)", context, table)
                    .isEqualTo(processed);
        }
        softly.assertThat(column(session, "SELECT item_hash FROM " + keyspace + ".pending_messages"))
                .as("%s: pending_messages after every wait expired", context).isEmpty();
        softly.assertThat(sorted(column(session, "SELECT original_hash FROM " + keyspace + ".posts_by_type")))
                .as("%s: posts_by_type", context).isEqualTo(sorted(posts));
        softly.assertThat(sorted(column(session, "SELECT owner, tag FROM " + keyspace + ".files_by_owner")))
                .as("%s: files_by_owner", context).isEqualTo(sorted(files));
        softly.assertThat(sorted(column(session, "SELECT rejection_id FROM " + keyspace + ".rejected_messages")))
                .as("%s: rejection records", context).isEqualTo(sorted(rejectionIds));
        softly.assertAll();
    }

    /**
     * {@link StateComparison#assertSameState}, its message completed with what Cassandra knows of
     * the first differing entries: the status history of the hash and when its row was written.
     */
    static void assertSameState(CqlSession session, String keyspace, String context, JsonNode actual, JsonNode expected) {
        try {
            StateComparison.assertSameState(context, actual, expected);
        } catch (AssertionError e) {
            StringBuilder message = new StringBuilder(e.getMessage()).append("\nwhat Cassandra knows of the first:");
            StateComparison.differences(actual, expected).stream().limit(3).forEach(difference -> {
                String[] words = difference.split(" ");
                String section = words[0];
                String key = words[1].replace(":", "");
                message.append("\n  ").append(history(session, keyspace, key));
                String table = Map.of("posts", "posts_by_owner", "vms", "vms").get(section);
                if (table != null) {
                    message.append("; ").append(table).append(" row written at ").append(writeTimes(session,
                            "SELECT WRITETIME(type) FROM " + keyspace + "." + table + " WHERE original_hash = ? ALLOW FILTERING", key));
                }
            });
            throw new AssertionError(message.toString(), e);
        }
    }

    /** The status_history of an item_hash, oldest first, for failure messages. */
    static String history(CqlSession session, String keyspace, String itemHash) {
        StringBuilder text = new StringBuilder();
        for (Row row : session.execute(SimpleStatement.newInstance("SELECT version, status, error_code, updated_at FROM "
                + keyspace + ".status_history WHERE item_hash = ?", itemHash))) {
            text.append(text.length() == 0 ? "" : ", ").append(row.getLong("version")).append(' ').append(row.getString("status"))
                    .append(row.isNull("error_code") ? "" : " " + row.getInt("error_code"))
                    .append(" at ").append(row.getInstant("updated_at"));
        }
        return itemHash + " status_history [" + text + "]";
    }

    private static List<Instant> writeTimes(CqlSession session, String cql, Object key) {
        List<Instant> times = new ArrayList<>();
        for (Row row : session.execute(SimpleStatement.newInstance(cql, key))) {
            times.add(Instant.ofEpochMilli(row.getLong(0) / 1000));
        }
        return times;
    }

    /** The text columns of every row, joined by a space (full scan: small test keyspaces only). */
    private static List<String> column(CqlSession session, String cql) {
        List<String> values = new ArrayList<>();
        for (Row row : session.execute(SimpleStatement.builder(cql).setPageSize(1000).build())) {
            StringBuilder value = new StringBuilder();
            for (int i = 0; i < row.getColumnDefinitions().size(); i++) {
                value.append(i == 0 ? "" : " ").append(row.getString(i));
            }
            values.add(value.toString());
        }
        return values;
    }

    private static List<String> sorted(Collection<String> values) {
        List<String> list = new ArrayList<>(values);
        list.sort(null);
        return list;
    }
}
