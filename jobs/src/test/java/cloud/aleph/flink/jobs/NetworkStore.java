package cloud.aleph.flink.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the agreement wrote to Cassandra, read whole (a test network's keyspace holds a few hundred
 * rows per table), so that anything unexpected shows as well as anything missing.
 */
final class NetworkStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message_status row. */
    record Status(String status, Integer errorCode, String epoch, Instant updatedAt) {}

    /** An epochs row. */
    record Epoch(int partition, long start, long end, String root, List<String> leaves, List<String> signers) {
        String id() {
            return partition + ":" + start + "-" + end;
        }
    }

    /** An epoch_signatures row. */
    record Signature(int partition, long start, String ccn, String root, String previous, String chain, String signature) {}

    /** A consensus_notes row. */
    record Note(String ccn, String kind, String subject, String itemHash, String ccnSays, String agreed) {}

    /** A rejected_messages row. */
    record Rejection(String rejectionId, String itemHash, int errorCode, int partition, long offset) {}

    /** A status_history row. */
    record HistoryEntry(long version, String status, Instant updatedAt) {}

    private final CqlSession session;
    private final String keyspace;

    NetworkStore(CqlSession session, String keyspace) {
        this.session = session;
        this.keyspace = keyspace;
    }

    Map<String, Status> statuses() {
        Map<String, Status> statuses = new HashMap<>();
        for (Row row : select("item_hash, status, error_code, epoch, updated_at", "message_status")) {
            statuses.put(row.getString("item_hash"), new Status(row.getString("status"),
                    row.isNull("error_code") ? null : row.getInt("error_code"), row.getString("epoch"),
                    row.getInstant("updated_at")));
        }
        return statuses;
    }

    /** Finalised epochs by {@code partition:start}. */
    Map<String, Epoch> epochs() {
        Map<String, Epoch> epochs = new TreeMap<>();
        for (Row row : select("partition, start, end, root, leaves, signers", "epochs")) {
            Epoch epoch = new Epoch(row.getInt("partition"), row.getLong("start"), row.getLong("end"), row.getString("root"),
                    strings(row.getString("leaves")), strings(row.getString("signers")));
            epochs.put(epoch.partition() + ":" + epoch.start(), epoch);
        }
        return epochs;
    }

    List<Signature> signatures() {
        List<Signature> signatures = new ArrayList<>();
        for (Row row : select("partition, start, ccn, root, previous, chain, signature", "epoch_signatures")) {
            signatures.add(new Signature(row.getInt("partition"), row.getLong("start"), row.getString("ccn"),
                    row.getString("root"), row.getString("previous"), row.getString("chain"), row.getString("signature")));
        }
        return signatures;
    }

    List<Note> notes() {
        List<Note> notes = new ArrayList<>();
        for (Row row : select("ccn, kind, subject, item_hash, ccn_says, agreed", "consensus_notes")) {
            notes.add(new Note(row.getString("ccn"), row.getString("kind"), row.getString("subject"),
                    row.getString("item_hash"), row.getString("ccn_says"), row.getString("agreed")));
        }
        return notes;
    }

    /** Rejection records by rejection_id. */
    Map<String, Rejection> rejections() {
        Map<String, Rejection> rejections = new HashMap<>();
        for (Row row : select("rejection_id, item_hash, error_code, source_partition, source_offset", "rejected_messages")) {
            rejections.put(row.getString("rejection_id"), new Rejection(row.getString("rejection_id"),
                    row.getString("item_hash"), row.getInt("error_code"), row.getInt("source_partition"),
                    row.getLong("source_offset")));
        }
        return rejections;
    }

    /** When each stored message was published: the Kafka timestamp of its raw record. */
    Map<String, Instant> receivedAt() {
        Map<String, Instant> received = new HashMap<>();
        for (Row row : select("item_hash, received_at", "messages")) {
            received.put(row.getString("item_hash"), row.getInstant("received_at"));
        }
        return received;
    }

    /** Every status each item_hash went through, oldest first. */
    Map<String, List<HistoryEntry>> history() {
        Map<String, List<HistoryEntry>> history = new HashMap<>();
        for (Row row : select("item_hash, version, status, updated_at", "status_history")) {
            history.computeIfAbsent(row.getString("item_hash"), h -> new ArrayList<>())
                    .add(new HistoryEntry(row.getLong("version"), row.getString("status"), row.getInstant("updated_at")));
        }
        return history;
    }

    private Iterable<Row> select(String columns, String table) {
        return session.execute("SELECT " + columns + " FROM " + keyspace + "." + table);
    }

    private static List<String> strings(String jsonArray) {
        List<String> values = new ArrayList<>();
        if (jsonArray == null) {
            return values;
        }
        try {
            for (JsonNode value : JSON.readTree(jsonArray)) {
                values.add(value.asText());
            }
        } catch (Exception e) {
            throw new AssertionError("not a JSON array: " + jsonArray, e);
        }
        return values;
    }
}
