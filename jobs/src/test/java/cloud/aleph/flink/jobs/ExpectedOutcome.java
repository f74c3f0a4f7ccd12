package cloud.aleph.flink.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.connectors.cassandra.CassandraQueries;
import cloud.aleph.flink.connectors.cassandra.MessageRows;
import cloud.aleph.flink.connectors.cassandra.StateExport;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.config.ObjectStoreOptions;
import cloud.aleph.flink.connectors.kafka.RejectionSerializer;
import cloud.aleph.flink.connectors.s3.ObjectStoreClients;
import cloud.aleph.flink.operators.model.CopyKey;
import cloud.aleph.flink.operators.model.MessageStatus;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Arrays;
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
 * inputs by the rules of the design (docs/state-semantics.md):
 *
 * <ul>
 *   <li>the status of every item_hash is the oracle's ({@link OracleState}: the sequential
 *       reference model, every wait expired); the job runs with a short
 *       {@code aleph.state.max-wait} ({@link ItConfiguration#MAX_WAIT}) so that this is final
 *       within the test. The whole exported state must be the oracle's;
 *   <li>an item_hash with at least one valid copy keeps the smallest copy by {@link CopyKey}
 *       (rejected copies never downgrade it), and has message rows exactly while processed, with
 *       the columns of that copy;
 *   <li>an item_hash with only rejected copies shows the rejection with the smallest rejection_id;
 *   <li>every bad input has one rejection record (keyed by the sha256 of its bytes), and one
 *       record on the rejected topic per time it was published;
 *   <li>the content of every kept inline copy is in the object store under
 *       {@code sha256/<2 hex>/<item_hash>} (written at verification, whatever the state then
 *       decides), and nothing else is;
 *   <li>versions (write timestamps) are consistent: the status is the newest row of its history,
 *       every write carries its version, and message rows are newer than their processed status.
 * </ul>
 */
final class ExpectedOutcome {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_RAW_CHARS = 65_536;
    private static final Duration POLL = Duration.ofMillis(200);

    private final List<RawInput> published = new ArrayList<>();
    private ObjectNode oracle;

    /** Records inputs as published (in order; an input published twice is added twice). */
    void published(Collection<RawInput> inputs) {
        published.addAll(inputs);
        oracle = null;
    }

    /** The oracle's agreed state of everything published, every wait expired. */
    ObjectNode oracleState() {
        if (oracle == null) {
            oracle = OracleState.of(published.stream().map(RawInput::json).toList());
        }
        return oracle;
    }

    /** The oracle's status entry ({@code status}, {@code error_code}) of every item_hash that reached the pipeline. */
    Map<String, JsonNode> expectedStatuses() {
        Map<String, JsonNode> statuses = new LinkedHashMap<>();
        oracleState().get("statuses").fields().forEachRemaining(entry -> statuses.put(entry.getKey(), entry.getValue()));
        return statuses;
    }

    /** The kept copy of every item_hash the oracle processes: the messages that have rows. */
    Map<String, RawInput> processedCopies() {
        Set<String> processed = new HashSet<>(OracleState.withStatus(oracleState(), MessageStatus.PROCESSED.wire()));
        Map<String, RawInput> copies = new LinkedHashMap<>();
        keptCopies().forEach((hash, copy) -> {
            if (processed.contains(hash)) {
                copies.put(hash, copy);
            }
        });
        return copies;
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
     * Waits until the job has read everything published (its consumer group committed the end of
     * the raw topic on a completed checkpoint), then until every item_hash has a final status,
     * every bad input its rejection record, and the exported state stopped changing.
     */
    void awaitSettled(Configuration conf, CqlSession session, Duration timeout) throws Exception {
        RawTopic.awaitConsumed(conf, timeout);
        SettledState.await(session, CassandraOptions.keyspace(conf), expectedStatuses().keySet(), rejections().keySet(),
                ItConfiguration.QUIET, timeout);
    }

    /** The state exported from Cassandra is the oracle's, and the rows it does not show follow it. */
    void assertAgreedState(CqlSession session, String keyspace) {
        StateComparison.assertSameState("agreed state", new StateExport(session, keyspace).export(), oracleState());
        StateTables.assertRowsFollow(session, keyspace, oracleState(), rejections().keySet(), "agreed state");
    }

    /** Every table of the keyspace holds exactly what the inputs call for. */
    void assertCassandra(CqlSession session, String keyspace) {
        CassandraQueries queries = new CassandraQueries(session, keyspace);
        SoftAssertions softly = new SoftAssertions();
        Map<String, JsonNode> statuses = expectedStatuses();
        Map<String, RawInput> withRows = processedCopies();
        Map<String, List<RawInput>> validCopies = validCopies();
        Map<String, RawInput> rejectedStatuses = rejectedStatuses();
        Map<String, RawInput> rejections = rejections();

        // The oracle and the inputs' own expectations agree on what reached the pipeline.
        Set<String> reached = new HashSet<>(validCopies.keySet());
        reached.addAll(rejectedStatuses.keySet());
        softly.assertThat(statuses.keySet()).as("item_hashes the oracle gives a status")
                .containsExactlyInAnyOrderElementsOf(reached);

        // Nothing lost, nothing extra: the keys of every table.
        softly.assertThat(column(session, "SELECT item_hash FROM " + keyspace + ".messages"))
                .as("item_hashes of messages (the processed ones)").containsExactlyInAnyOrderElementsOf(withRows.keySet());
        softly.assertThat(column(session, "SELECT item_hash FROM " + keyspace + ".message_status"))
                .as("item_hashes of message_status").containsExactlyInAnyOrderElementsOf(statuses.keySet());
        softly.assertThat(column(session, "SELECT rejection_id FROM " + keyspace + ".rejected_messages"))
                .as("rejection_ids of rejected_messages").containsExactlyInAnyOrderElementsOf(rejections.keySet());

        Map<List<Object>, Set<String>> bySenderDay = new HashMap<>();
        withRows.forEach((hash, copy) -> {
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
                .as("rows of messages_by_sender").isEqualTo(withRows.size());

        // Valid copies the agreed state did not process: the oracle's status, no rows (see the keys above).
        validCopies.forEach((hash, copies) -> {
            if (withRows.containsKey(hash)) {
                return;
            }
            String label = copies.get(0).label();
            Map<String, Object> status = queries.statusByHash(hash).orElse(null);
            softly.assertThat(status).as("status of %s", label).isNotNull();
            if (status == null) {
                return;
            }
            JsonNode expected = statuses.get(hash);
            softly.assertThat(status.get("status")).as("status of %s", label).isEqualTo(expected.get("status").textValue());
            softly.assertThat(status.get("error_code")).as("error code of %s", label)
                    .isEqualTo(expected.get("error_code").isNull() ? null : expected.get("error_code").intValue());
            if (MessageStatus.REJECTED.wire().equals(status.get("status"))) {
                softly.assertThat((String) status.get("reason")).as("reason of %s", label).isNotBlank();
            }
        });

        rejectedStatuses.forEach((hash, shown) -> {
            Map<String, Object> status = queries.statusByHash(hash).orElse(null);
            softly.assertThat(status).as("status of %s", shown.label()).isNotNull();
            if (status == null) {
                return;
            }
            softly.assertThat(status.get("status")).as("status of %s", shown.label()).isEqualTo(MessageStatus.REJECTED.wire());
            softly.assertThat(status.get("error_code")).as("error code of %s", shown.label())
                    .isEqualTo(shown.expectedCode().code());
            softly.assertThat(statuses.get(hash)).as("oracle's status of %s", shown.label())
                    .isEqualTo(parse("{\"error_code\":" + shown.expectedCode().code() + ",\"status\":\"rejected\"}"));
            assertReason(softly, (String) status.get("reason"), shown);
        });

        statuses.keySet().forEach(hash -> assertVersions(softly, session, keyspace, labelOf(hash), hash,
                withRows.containsKey(hash)));

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
     * Versions are write timestamps that grow per item_hash, at least the time of the input that
     * caused the write (in microseconds): the first status row's version is exactly that. The
     * status must be the newest row of its history (an older write winning would show here), every
     * row is written at its own version, and every history row is a change, through restarts too
     * (a write of a failed attempt that the replay does not repeat would show as a repeated or
     * extra row). The message rows of a processed message are written after its status, all at one
     * version.
     */
    private static void assertVersions(SoftAssertions softly, CqlSession session, String keyspace, String label,
            String hash, boolean hasRows) {
        Row status = session.execute(session.prepare("SELECT status, error_code, reason, updated_at, WRITETIME(status)"
                + " AS version FROM " + keyspace + ".message_status WHERE item_hash = ?").bind(hash)).one();
        List<Row> history = session.execute(session.prepare("SELECT version, status, error_code, reason, updated_at,"
                + " WRITETIME(status) AS written FROM " + keyspace + ".status_history WHERE item_hash = ?").bind(hash)).all();
        softly.assertThat(history).as("status_history of %s", label).isNotEmpty();
        if (status == null || history.isEmpty()) {
            return;
        }
        Row newest = history.get(history.size() - 1);
        long version = status.getLong("version");
        softly.assertThat(version).as("status version of %s: the newest of its status_history", label)
                .isEqualTo(newest.getLong("version"));
        softly.assertThat(statusFields(status, true)).as("status of %s: its newest status_history row", label)
                .isEqualTo(statusFields(newest, true));
        for (int i = 0; i < history.size(); i++) {
            Row row = history.get(i);
            long rowVersion = row.getLong("version");
            softly.assertThat(row.getLong("written")).as("write timestamp of status_history %d of %s", rowVersion, label)
                    .isEqualTo(rowVersion);
            long updatedMicros = row.getInstant("updated_at").toEpochMilli() * 1000;
            if (i == 0) {
                softly.assertThat(rowVersion).as("first status version of %s: its input's time in microseconds", label)
                        .isEqualTo(updatedMicros);
            } else {
                softly.assertThat(rowVersion).as("status version %d of %s: at least its input's time", i, label)
                        .isGreaterThanOrEqualTo(updatedMicros);
                softly.assertThat(statusFields(row, false)).as("status_history %d of %s: a change", i, label)
                        .isNotEqualTo(statusFields(history.get(i - 1), false));
            }
        }
        if (!hasRows) {
            return;
        }
        Row message = session.execute(session.prepare("SELECT sender, owner, type, channel, time, WRITETIME(sender) AS written"
                + " FROM " + keyspace + ".messages WHERE item_hash = ?").bind(hash)).one();
        if (message == null) {
            return; // reported with the keys of messages
        }
        long rowsVersion = message.getLong("written");
        softly.assertThat(rowsVersion).as("messages row version of %s: after its processed status", label)
                .isGreaterThan(version);
        double time = message.getDouble("time");
        LocalDate day = dayOfEpochSeconds(time);
        String channel = message.getString("channel");
        Map<String, Row> listings = new LinkedHashMap<>();
        listings.put("messages_by_sender", session.execute(session.prepare("SELECT WRITETIME(type) AS written FROM " + keyspace
                + ".messages_by_sender WHERE sender = ? AND day = ? AND time = ? AND item_hash = ?")
                .bind(message.getString("sender"), day, time, hash)).one());
        listings.put("messages_by_owner", session.execute(session.prepare("SELECT WRITETIME(type) AS written FROM " + keyspace
                + ".messages_by_owner WHERE owner = ? AND day = ? AND time = ? AND item_hash = ?")
                .bind(message.getString("owner"), day, time, hash)).one());
        listings.put("messages_by_type", session.execute(session.prepare("SELECT WRITETIME(owner) AS written FROM " + keyspace
                + ".messages_by_type WHERE type = ? AND channel = ? AND day = ? AND time = ? AND item_hash = ?")
                .bind(message.getString("type"), channel == null ? MessageRows.NO_CHANNEL : channel, day, time, hash)).one());
        listings.forEach((table, row) -> {
            softly.assertThat(row).as("%s row of %s, keyed by its messages row", table, label).isNotNull();
            if (row != null) {
                softly.assertThat(row.getLong("written")).as("%s row version of %s: its messages row's", table, label)
                        .isEqualTo(rowsVersion);
            }
        });
    }

    /** status, error_code, reason (and updated_at) of a message_status or status_history row. */
    private static List<Object> statusFields(Row row, boolean withTime) {
        List<Object> fields = new ArrayList<>(Arrays.asList(
                row.getString("status"), row.isNull("error_code") ? null : row.getInt("error_code"), row.getString("reason")));
        if (withTime) {
            fields.add(row.getInstant("updated_at"));
        }
        return fields;
    }

    /** The label of the first input published with this item_hash. */
    private String labelOf(String hash) {
        for (RawInput input : published) {
            if (hash.equals(input.itemHash())) {
                return input.label();
            }
        }
        return hash;
    }

    /** The object store holds the exact content of every kept inline copy, and nothing else. */
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
        return new CopyKey(!"inline".equals(itemTypeOf(input)), input.claimed("signature"), input.claimed("sender"), input.claimed("chain"),
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
