package cloud.aleph.flink.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.connectors.cassandra.CassandraQueries;
import cloud.aleph.flink.connectors.cassandra.OutcomeReader;
import cloud.aleph.flink.connectors.config.ObjectStoreOptions;
import cloud.aleph.flink.connectors.kafka.RejectionSerializer;
import cloud.aleph.flink.connectors.s3.ObjectStoreClients;
import cloud.aleph.flink.operators.model.CopyKey;
import cloud.aleph.flink.operators.model.MessageStatus;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.assertj.core.api.SoftAssertions;

/**
 * What the verification job must have stored for a sequence of published inputs, derived from the
 * inputs alone by the rules of the design (docs/state-semantics.md):
 *
 * <ul>
 *   <li>an item_hash with at least one valid copy is processed, and the kept copy is the smallest
 *       by {@link CopyKey}; rejected copies never downgrade it;
 *   <li>an item_hash with only rejected copies shows the rejection with the smallest rejection_id;
 *   <li>every bad input has one rejection record (keyed by the sha256 of its bytes), and one
 *       record on the rejected topic per time it was published;
 *   <li>the content of every processed inline message is in the object store under
 *       {@code sha256/<2 hex>/<item_hash>}, and nothing else is.
 * </ul>
 */
final class ExpectedOutcome {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_RAW_CHARS = 65_536;
    private static final Duration POLL = Duration.ofMillis(200);

    private final List<RawInput> published = new ArrayList<>();

    /** Records inputs as published (in order; an input published twice is added twice). */
    void published(Collection<RawInput> inputs) {
        published.addAll(inputs);
    }

    /** Valid copies by item_hash, each distinct text once. */
    Map<String, List<RawInput>> validCopies() {
        Map<String, List<RawInput>> copies = new LinkedHashMap<>();
        for (RawInput input : distinct()) {
            if (input.isValid()) {
                copies.computeIfAbsent(input.itemHash(), h -> new ArrayList<>()).add(input);
            }
        }
        return copies;
    }

    /** Bad inputs by rejection_id. */
    Map<String, RawInput> rejections() {
        Map<String, RawInput> rejections = new LinkedHashMap<>();
        for (RawInput input : distinct()) {
            if (!input.isValid()) {
                rejections.put(input.rejectionId(), input);
            }
        }
        return rejections;
    }

    /** Times each bad input was published, by rejection_id. */
    Map<String, Long> publicationsOfRejections() {
        return published.stream()
                .filter(input -> !input.isValid())
                .collect(Collectors.groupingBy(RawInput::rejectionId, TreeMap::new, Collectors.counting()));
    }

    /** For item_hashes with no valid copy: the rejection their status shows (smallest rejection_id). */
    Map<String, RawInput> rejectedStatuses() {
        Set<String> processed = validCopies().keySet();
        Map<String, RawInput> shown = new LinkedHashMap<>();
        for (RawInput input : rejections().values()) {
            String hash = input.itemHash();
            if (hash != null && !processed.contains(hash)) {
                shown.merge(hash, input, (a, b) -> a.rejectionId().compareTo(b.rejectionId()) <= 0 ? a : b);
            }
        }
        return shown;
    }

    /** The copy each processed item_hash keeps. */
    Map<String, RawInput> keptCopies() {
        Map<String, RawInput> kept = new LinkedHashMap<>();
        validCopies().forEach((hash, copies) ->
                kept.put(hash, copies.stream().min(Comparator.comparing(ExpectedOutcome::copyKey)).orElseThrow()));
        return kept;
    }

    /**
     * Polls Cassandra until every processed item_hash shows processed, every bad input has its
     * rejection record and every rejected item_hash has a status.
     */
    void awaitSettled(CqlSession session, String keyspace, Duration timeout) throws InterruptedException {
        OutcomeReader reader = new OutcomeReader(session, keyspace);
        Set<String> pendingProcessed = new HashSet<>(validCopies().keySet());
        Set<String> pendingRejections = new HashSet<>(rejections().keySet());
        Set<String> pendingRejectedStatuses = new HashSet<>(rejectedStatuses().keySet());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            reader.statuses(pendingProcessed).forEach((hash, status) -> {
                if (MessageStatus.PROCESSED.wire().equals(status.status())) {
                    pendingProcessed.remove(hash);
                }
            });
            pendingRejections.removeAll(reader.rejectionCodes(pendingRejections).keySet());
            pendingRejectedStatuses.removeAll(reader.statuses(pendingRejectedStatuses).keySet());
            if (pendingProcessed.isEmpty() && pendingRejections.isEmpty() && pendingRejectedStatuses.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not settled within " + timeout + ": not processed " + labels(pendingProcessed, true)
                        + ", without rejection record " + labels(pendingRejections, false)
                        + ", without status " + pendingRejectedStatuses);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Every table of the keyspace holds exactly what the inputs call for. */
    void assertCassandra(CqlSession session, String keyspace) {
        CassandraQueries queries = new CassandraQueries(session, keyspace);
        SoftAssertions softly = new SoftAssertions();
        Map<String, RawInput> kept = keptCopies();
        Map<String, List<RawInput>> validCopies = validCopies();
        Map<String, RawInput> rejectedStatuses = rejectedStatuses();
        Map<String, RawInput> rejections = rejections();

        // Nothing lost, nothing extra: the keys of every table.
        softly.assertThat(column(session, "SELECT item_hash FROM " + keyspace + ".messages"))
                .as("item_hashes of messages").containsExactlyInAnyOrderElementsOf(kept.keySet());
        Set<String> statusHashes = new HashSet<>(kept.keySet());
        statusHashes.addAll(rejectedStatuses.keySet());
        softly.assertThat(column(session, "SELECT item_hash FROM " + keyspace + ".message_status"))
                .as("item_hashes of message_status").containsExactlyInAnyOrderElementsOf(statusHashes);
        softly.assertThat(column(session, "SELECT rejection_id FROM " + keyspace + ".rejected_messages"))
                .as("rejection_ids of rejected_messages").containsExactlyInAnyOrderElementsOf(rejections.keySet());

        Map<String, Integer> verdictsPerHash = new HashMap<>();
        for (RawInput input : published) {
            if (input.itemHash() != null) {
                verdictsPerHash.merge(input.itemHash(), 1, Integer::sum);
            }
        }

        Map<List<Object>, Set<String>> bySenderDay = new HashMap<>();
        kept.forEach((hash, copy) -> {
            String label = copy.label();
            Map<String, Object> row = queries.messageByHash(hash).orElse(null);
            softly.assertThat(row).as("messages row of %s", label).isNotNull();
            Map<String, Object> status = queries.statusByHash(hash).orElse(null);
            softly.assertThat(status).as("status of %s", label).isNotNull();
            if (row == null || status == null) {
                return;
            }
            String itemType = itemTypeOf(copy);
            String itemContent = "inline".equals(itemType) ? copy.claimed("item_content") : null;
            double time = copy.field("time").asDouble();
            softly.assertThat(row.get("item_content")).as("item_content of %s", label).isEqualTo(itemContent);
            softly.assertThat(row.get("item_type")).as("item_type of %s", label).isEqualTo(itemType);
            softly.assertThat(row.get("sender")).as("sender of %s", label).isEqualTo(copy.claimed("sender"));
            softly.assertThat(row.get("chain")).as("chain of %s", label).isEqualTo(copy.claimed("chain"));
            softly.assertThat(row.get("type")).as("type of %s", label).isEqualTo(copy.claimed("type"));
            softly.assertThat(row.get("signature")).as("signature of %s", label).isEqualTo(copy.claimed("signature"));
            softly.assertThat(row.get("channel")).as("channel of %s", label).isEqualTo(copy.claimed("channel"));
            softly.assertThat((Double) row.get("time")).as("time of %s", label).isEqualTo(time);
            softly.assertThat(row.get("size")).as("size of %s", label)
                    .isEqualTo(itemContent == null ? 0 : itemContent.codePointCount(0, itemContent.length()));
            if (itemContent != null) {
                JsonNode content = parse(itemContent);
                softly.assertThat(row.get("owner")).as("owner of %s", label).isEqualTo(textOrNull(content.get("address")));
            }
            softly.assertThat((Integer) row.get("source_partition")).as("source partition of %s", label).isNotNegative();
            softly.assertThat((Long) row.get("source_offset")).as("source offset of %s", label).isNotNegative();

            softly.assertThat(status.get("status")).as("status of %s", label).isEqualTo(MessageStatus.PROCESSED.wire());
            softly.assertThat(status.get("error_code")).as("error code of %s", label).isNull();
            softly.assertThat(status.get("reason")).as("reason of %s", label).isNull();
            assertVersions(softly, session, keyspace, label, hash, status, verdictsPerHash.get(hash),
                    validCopies.get(hash).size());

            bySenderDay.computeIfAbsent(List.of(copy.claimed("sender"), dayOfEpochSeconds(time)), k -> new HashSet<>()).add(hash);
        });
        // One by-sender row per message, in the partition of its sender and day, and nothing else there.
        bySenderDay.forEach((partition, hashes) -> {
            List<Map<String, Object>> rows =
                    queries.messagesOfSenderOnDay((String) partition.get(0), (LocalDate) partition.get(1), 100_000);
            softly.assertThat(rows).as("rows of messages_by_sender %s", partition).hasSize(hashes.size());
            softly.assertThat(rows).extracting(r -> (String) r.get("item_hash"))
                    .as("item_hashes of messages_by_sender %s", partition).containsExactlyInAnyOrderElementsOf(hashes);
        });
        softly.assertThat(session.execute("SELECT COUNT(*) FROM " + keyspace + ".messages_by_sender").one().getLong(0))
                .as("rows of messages_by_sender").isEqualTo(kept.size());

        rejectedStatuses.forEach((hash, shown) -> {
            Map<String, Object> status = queries.statusByHash(hash).orElse(null);
            softly.assertThat(status).as("status of %s", shown.label()).isNotNull();
            if (status == null) {
                return;
            }
            softly.assertThat(status.get("status")).as("status of %s", shown.label()).isEqualTo(MessageStatus.REJECTED.wire());
            softly.assertThat(status.get("error_code")).as("error code of %s", shown.label())
                    .isEqualTo(shown.expectedCode().code());
            assertReason(softly, (String) status.get("reason"), shown);
            long updatedMicros = ((Instant) status.get("updated_at")).toEpochMilli() * 1000;
            softly.assertThat((Long) status.get("version")).as("version of %s", shown.label())
                    .isBetween(updatedMicros, updatedMicros + verdictsPerHash.get(hash) - 1);
        });

        Map<LocalDate, Set<String>> rejectionsByDay = new HashMap<>();
        Map<String, Set<String>> rejectionsByHash = new HashMap<>();
        rejections.forEach((id, input) -> {
            String label = input.label();
            Map<String, Object> row = queries.rejectionById(id).orElse(null);
            softly.assertThat(row).as("rejection record of %s", label).isNotNull();
            if (row == null) {
                return;
            }
            int code = input.expectedCode().code();
            softly.assertThat(row.get("error_code")).as("error code of %s", label).isEqualTo(code);
            softly.assertThat(row.get("error_name")).as("error name of %s", label).isEqualTo(input.expectedCode().name());
            assertReason(softly, (String) row.get("reason"), input);
            softly.assertThat(row.get("raw")).as("raw input of %s", label).isEqualTo(rawKept(input.json()));
            softly.assertThat(row.get("raw_length")).as("raw length of %s", label)
                    .isEqualTo(input.json().getBytes(StandardCharsets.UTF_8).length);
            softly.assertThat(row.get("item_hash")).as("item_hash of %s", label).isEqualTo(input.itemHash());
            softly.assertThat(row.get("sender")).as("sender of %s", label).isEqualTo(input.claimed("sender"));
            softly.assertThat(row.get("chain")).as("chain of %s", label).isEqualTo(input.claimed("chain"));
            softly.assertThat(row.get("type")).as("type of %s", label).isEqualTo(input.claimed("type"));
            softly.assertThat((Integer) row.get("source_partition")).as("source partition of %s", label).isNotNegative();
            softly.assertThat((Long) row.get("source_offset")).as("source offset of %s", label).isNotNegative();
            LocalDate day = ((Instant) row.get("received_at")).atZone(ZoneOffset.UTC).toLocalDate();
            softly.assertThat(row.get("day")).as("day of %s", label).isEqualTo(day);
            rejectionsByDay.computeIfAbsent(day, d -> new HashSet<>()).add(id);
            if (input.itemHash() != null) {
                rejectionsByHash.computeIfAbsent(input.itemHash(), h -> new HashSet<>()).add(id);
            }
        });
        rejectionsByDay.forEach((day, ids) -> {
            List<Map<String, Object>> rows = queries.rejectionsOfDay(day, 100_000);
            softly.assertThat(rows).extracting(r -> (String) r.get("rejection_id"))
                    .as("rejection_ids of rejections_by_day %s", day).containsExactlyInAnyOrderElementsOf(ids);
            for (Map<String, Object> r : rows) {
                RawInput input = rejections.get((String) r.get("rejection_id"));
                if (input != null) {
                    softly.assertThat(r.get("error_code")).as("by-day error code of %s", input.label())
                            .isEqualTo(input.expectedCode().code());
                    softly.assertThat(r.get("item_hash")).as("by-day item_hash of %s", input.label()).isEqualTo(input.itemHash());
                    assertReason(softly, (String) r.get("reason"), input);
                }
            }
        });
        softly.assertThat(session.execute("SELECT COUNT(*) FROM " + keyspace + ".rejections_by_day").one().getLong(0))
                .as("rows of rejections_by_day").isEqualTo(rejections.size());
        rejectionsByHash.forEach((hash, ids) -> {
            List<Map<String, Object>> rows = queries.rejectionsByItemHash(hash);
            softly.assertThat(rows).extracting(r -> (String) r.get("rejection_id"))
                    .as("rejection_ids of rejections_by_item_hash %s", hash).containsExactlyInAnyOrderElementsOf(ids);
            for (Map<String, Object> r : rows) {
                RawInput input = rejections.get((String) r.get("rejection_id"));
                if (input != null) {
                    softly.assertThat(r.get("error_code")).as("by-hash error code of %s", input.label())
                            .isEqualTo(input.expectedCode().code());
                    assertReason(softly, (String) r.get("reason"), input);
                }
            }
        });
        softly.assertThat(session.execute("SELECT COUNT(*) FROM " + keyspace + ".rejections_by_item_hash").one().getLong(0))
                .as("rows of rejections_by_item_hash")
                .isEqualTo(rejectionsByHash.values().stream().mapToLong(Set::size).sum());
        softly.assertAll();
    }

    /**
     * Status versions are the write timestamps; with one verdict for a hash the version is the
     * input's Kafka timestamp in microseconds (updated_at), and each further change adds at most
     * one. The message rows carry the version of the kept copy, which is the status's version
     * unless a smaller valid copy replaced the first one later.
     */
    private static void assertVersions(SoftAssertions softly, CqlSession session, String keyspace, String label,
            String hash, Map<String, Object> status, int verdicts, int validCopies) {
        long version = (Long) status.get("version");
        long updatedMicros = ((Instant) status.get("updated_at")).toEpochMilli() * 1000;
        softly.assertThat(version).as("status version of %s (%d verdicts)", label, verdicts)
                .isBetween(updatedMicros, updatedMicros + verdicts - 1);
        Row row = session.execute(session.prepare("SELECT WRITETIME(sender) FROM " + keyspace
                + ".messages WHERE item_hash = ?").bind(hash)).one();
        long rowVersion = row.getLong(0);
        if (validCopies == 1) {
            softly.assertThat(rowVersion).as("messages row version of %s", label).isEqualTo(version);
        } else {
            softly.assertThat(rowVersion).as("messages row version of %s", label).isGreaterThanOrEqualTo(version);
        }
    }

    /** The object store holds the exact content of every processed inline message, and nothing else. */
    void assertContentObjects(Configuration conf) throws Exception {
        Map<String, byte[]> expected = new TreeMap<>();
        keptCopies().forEach((hash, copy) -> {
            if ("inline".equals(itemTypeOf(copy))) {
                expected.put("sha256/" + hash.substring(0, 2) + "/" + hash, copy.claimed("item_content").getBytes(StandardCharsets.UTF_8));
            }
        });
        String bucket = conf.get(ObjectStoreOptions.BUCKET);
        MinioClient client = ObjectStoreClients.blocking(conf);
        try {
            List<String> keys = new ArrayList<>();
            for (Result<Item> item : client.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
                keys.add(item.get().objectName());
            }
            assertThat(keys).as("object keys in bucket %s", bucket).containsExactlyInAnyOrderElementsOf(expected.keySet());
            SoftAssertions softly = new SoftAssertions();
            for (Map.Entry<String, byte[]> object : expected.entrySet()) {
                try (GetObjectResponse response = client.getObject(
                        GetObjectArgs.builder().bucket(bucket).object(object.getKey()).build())) {
                    softly.assertThat(((InputStream) response).readAllBytes()).as("bytes of %s", object.getKey())
                            .isEqualTo(object.getValue());
                }
            }
            softly.assertAll();
        } finally {
            client.close();
        }
    }

    /** One record per publication of each bad input, none for valid input, with key, headers and value. */
    void assertRejectedTopic(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        Map<String, RawInput> rejections = rejections();
        Map<String, Long> counts = new TreeMap<>();
        SoftAssertions softly = new SoftAssertions();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            JsonNode value = JSON.readTree(record.value());
            String id = value.get("rejection_id").textValue();
            counts.merge(id, 1L, Long::sum);
            RawInput input = rejections.get(id);
            if (input == null) {
                continue; // reported by the count comparison below
            }
            String itemHash = input.itemHash();
            softly.assertThat(new String(record.key(), StandardCharsets.UTF_8)).as("key of %s", input.label())
                    .isEqualTo(itemHash != null ? itemHash : id);
            Header code = record.headers().lastHeader(RejectionSerializer.HEADER_ERROR_CODE);
            softly.assertThat(code == null ? null : new String(code.value(), StandardCharsets.US_ASCII))
                    .as("error code header of %s", input.label()).isEqualTo(Integer.toString(input.expectedCode().code()));
            softly.assertThat(value.get("error_code").asInt()).as("error code of %s", input.label())
                    .isEqualTo(input.expectedCode().code());
            softly.assertThat(textOrNull(value.get("item_hash"))).as("item_hash of %s", input.label()).isEqualTo(itemHash);
            softly.assertThat(textOrNull(value.get("raw"))).as("raw of %s", input.label()).isEqualTo(rawKept(input.json()));
            assertReason(softly, textOrNull(value.get("reason")), input);
        }
        softly.assertThat(counts).as("records per rejection_id on the rejected topic (read_committed)")
                .isEqualTo(publicationsOfRejections());
        softly.assertAll();
    }

    private static void assertReason(SoftAssertions softly, String reason, RawInput input) {
        softly.assertThat(reason).as("reason of %s", input.label()).isNotBlank();
        if (input.reasonFragment() != null) {
            softly.assertThat(reason).as("reason of %s", input.label()).contains(input.reasonFragment());
        }
    }

    private List<RawInput> distinct() {
        Map<String, RawInput> byText = new LinkedHashMap<>();
        for (RawInput input : published) {
            RawInput previous = byText.putIfAbsent(input.json(), input);
            if (previous != null && previous.expectedCode() != input.expectedCode()) {
                throw new IllegalArgumentException(input.label() + " and " + previous.label()
                        + " are the same text with different expectations");
            }
        }
        return List.copyOf(byText.values());
    }

    private String labels(Set<String> keys, boolean byHash) {
        List<String> labels = new ArrayList<>();
        for (RawInput input : distinct()) {
            if (keys.contains(byHash ? input.itemHash() : input.rejectionId())) {
                labels.add(input.label());
            }
        }
        return labels.toString();
    }

    /** The item type as the reference decides it: given, else inline when there is content, else from the hash shape. */
    static String itemTypeOf(RawInput input) {
        String given = input.claimed("item_type");
        if (given != null) {
            return given;
        }
        if (input.claimed("item_content") != null) {
            return "inline";
        }
        return SHA256_HEX.matcher(input.itemHash()).matches() ? "storage" : "ipfs";
    }

    private static CopyKey copyKey(RawInput input) {
        return new CopyKey(input.claimed("item_content") == null, input.claimed("signature"), input.claimed("sender"),
                input.claimed("chain"),
                input.field("time").asDouble(), input.claimed("channel"));
    }

    private static LocalDate dayOfEpochSeconds(double seconds) {
        return LocalDate.ofEpochDay(Math.floorDiv((long) Math.floor(seconds), 86_400L));
    }

    private static String rawKept(String json) {
        if (json.length() <= MAX_RAW_CHARS) {
            return json;
        }
        int end = Character.isHighSurrogate(json.charAt(MAX_RAW_CHARS - 1)) ? MAX_RAW_CHARS - 1 : MAX_RAW_CHARS;
        return json.substring(0, end);
    }

    private static List<String> column(CqlSession session, String cql) {
        List<String> values = new ArrayList<>();
        for (Row row : session.execute(cql)) {
            values.add(row.getString(0));
        }
        return values;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }
}
