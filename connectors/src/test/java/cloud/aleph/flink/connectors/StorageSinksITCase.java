package cloud.aleph.flink.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cloud.aleph.flink.connectors.cassandra.CassandraQueries;
import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.cassandra.CassandraSink;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.config.ObjectStoreOptions;
import cloud.aleph.flink.connectors.s3.ContentHashMismatchException;
import cloud.aleph.flink.connectors.s3.MessageContentObjects;
import cloud.aleph.flink.connectors.s3.ObjectKeys;
import cloud.aleph.flink.connectors.s3.ObjectStoreClients;
import cloud.aleph.flink.connectors.s3.ObjectStoreSink;
import cloud.aleph.flink.connectors.s3.StoredObject;
import cloud.aleph.flink.infra.local.Stack;
import cloud.aleph.flink.infra.local.StackExtension;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.MessageStatus;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.StatusUpdate;
import cloud.aleph.flink.operators.model.AcceptedCopy;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import com.datastax.oss.driver.api.core.CqlSession;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Cassandra and object-store sinks in a real Flink job (MiniCluster, parallelism 2,
 * checkpoints every second) against the embedded Cassandra and S3Proxy, read back with the
 * project's query class and a plain S3 client.
 */
@ExtendWith(StackExtension.class)
class StorageSinksITCase {

    private static final int MESSAGES = 60;
    private static final int SENDERS = 3;
    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);

    private static Configuration conf;
    private static CqlSession session;
    private static CassandraQueries queries;
    private static MinioClient objects;
    private static String bucket;

    @BeforeAll
    static void setUp(Stack stack) {
        conf = StackConfiguration.of(stack, "sinks");
        // Small batches and buffers so that a run spans several batches and checkpoints.
        conf.set(CassandraOptions.MAX_BATCH_SIZE, 5);
        conf.set(CassandraOptions.MAX_BUFFERED_REQUESTS, 20);
        conf.set(CassandraOptions.MAX_IN_FLIGHT_REQUESTS, 2);
        conf.set(ObjectStoreOptions.MAX_BATCH_SIZE, 3);
        conf.set(ObjectStoreOptions.MAX_BUFFERED_REQUESTS, 10);
        Bootstrap.run(conf);
        session = CassandraSessions.open(conf);
        queries = new CassandraQueries(session, conf.get(CassandraOptions.KEYSPACE));
        objects = ObjectStoreClients.blocking(conf);
        bucket = conf.get(ObjectStoreOptions.BUCKET);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (session != null) {
            session.close();
        }
        if (objects != null) {
            objects.close();
        }
    }

    static String sender(long n) {
        return "0xsender" + (n % SENDERS);
    }

    static List<VerifiedMessage> messages() {
        return IntStream.range(0, MESSAGES).mapToObj(n -> Samples.inlinePost(sender(n), n)).toList();
    }

    /** PENDING (version 1) then PROCESSED (version 2) for every message, shuffled: arrival order must not matter. */
    static List<StatusUpdate> statuses() {
        List<StatusUpdate> updates = new ArrayList<>();
        for (VerifiedMessage message : messages()) {
            updates.add(Samples.status(message.itemHash(), MessageStatus.PENDING, 1));
            updates.add(Samples.status(message.itemHash(), MessageStatus.PROCESSED, 2));
        }
        Collections.shuffle(updates, new Random(11));
        return updates;
    }

    static List<Rejection> rejections() {
        List<Rejection> rejections = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            String itemHash = n % 2 == 0 ? "hash-" + (n % 4) : null;
            rejections.add(Samples.rejection("{\"bad\": " + n + "}", itemHash,
                    n % 2 == 0 ? ErrorCode.INVALID_SIGNATURE : ErrorCode.INVALID_FORMAT, 1_714_564_800_000L + n));
        }
        return rejections;
    }

    /** Messages come from a rate-limited source so that checkpoints happen while the sinks write. */
    private static void runWriteJob() throws Exception {
        StreamExecutionEnvironment env = TestJobs.environment();
        GeneratorFunction<Long, AcceptedCopy> message = n -> Samples.firstCopy(Samples.inlinePost(sender(n), n.intValue()));
        DataStream<AcceptedCopy> messages = env.fromSource(
                        new DataGeneratorSource<>(message, MESSAGES, RateLimiterStrategy.perSecond(30),
                                TypeInformation.of(AcceptedCopy.class)),
                        WatermarkStrategy.noWatermarks(),
                        "messages")
                .uid("messages-source");
        messages.map(copy -> Samples.rowsOf(copy.message())).name("message-rows").uid("message-rows")
                .sinkTo(CassandraSink.messages(conf)).name("cassandra-messages").uid("cassandra-messages");
        messages.flatMap(new MessageContentObjects()).name("content-objects").uid("content-objects")
                .sinkTo(ObjectStoreSink.create(conf)).name("object-store").uid("object-store");
        env.fromData(statuses()).uid("statuses-source")
                .sinkTo(CassandraSink.statuses(conf)).name("cassandra-statuses").uid("cassandra-statuses");
        env.fromData(rejections()).uid("rejections-source")
                .sinkTo(CassandraSink.rejections(conf)).name("cassandra-rejections").uid("cassandra-rejections");
        env.execute("storage-sinks-it");
    }

    @Test
    void writesEveryRowAndObjectAndARerunChangesNothing() throws Exception {
        runWriteJob();

        for (VerifiedMessage m : messages()) {
            Map<String, Object> row = queries.messageByHash(m.itemHash()).orElseThrow();
            assertThat(row).containsEntry("item_content", m.itemContent())
                    .containsEntry("sender", m.sender())
                    .containsEntry("chain", "ETH")
                    .containsEntry("type", "POST")
                    .containsEntry("item_type", "inline")
                    .containsEntry("time", m.time())
                    .containsEntry("channel", m.channel())
                    .containsEntry("content_time", m.contentTime())
                    .containsEntry("size", m.size())
                    .containsEntry("source_partition", m.partition())
                    .containsEntry("source_offset", m.offset())
                    .containsEntry("received_at", Instant.ofEpochMilli(m.receivedMillis()));
            Map<String, Object> status = queries.statusByHash(m.itemHash()).orElseThrow();
            assertThat(status).containsEntry("status", "processed").containsEntry("version", 2L)
                    .containsEntry("error_code", null);
            assertThat(readObject(ObjectKeys.forSha256(m.itemHash())))
                    .isEqualTo(m.itemContent().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(objects.statObject(StatObjectArgs.builder().bucket(bucket).object(ObjectKeys.forSha256(messages().get(0).itemHash())).build())
                .contentType()).isEqualTo("application/json");

        List<Map<String, Object>> ofSender0 = queries.messagesOfSenderOnDay(sender(0), DAY, 1000);
        assertThat(ofSender0).hasSize(MESSAGES / SENDERS);
        List<Double> times = ofSender0.stream().map(row -> (Double) row.get("time")).toList();
        assertThat(times).isSortedAccordingTo(Collections.reverseOrder());

        for (Rejection r : rejections()) {
            assertThat(queries.rejectionById(r.rejectionId()).orElseThrow())
                    .containsEntry("error_code", r.errorCode().code())
                    .containsEntry("error_name", r.errorCode().name())
                    .containsEntry("raw", r.raw())
                    .containsEntry("item_hash", r.itemHash())
                    .containsEntry("day", DAY);
        }
        assertThat(queries.rejectionsOfDay(DAY, 1000)).hasSize(rejections().size())
                .extracting(row -> row.get("error_code"))
                .isSortedAccordingTo((a, b) -> Integer.compare((Integer) a, (Integer) b));
        assertThat(queries.rejectionsByItemHash("hash-0")).hasSize(3); // n = 0, 4, 8
        assertThat(queries.rejectionsByItemHash("hash-2")).hasSize(2); // n = 2, 6
        assertThat(queries.rejectionsByItemHash("hash-1")).isEmpty();

        Map<String, Object> before = snapshot();
        runWriteJob();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anOlderStatusNeverOverwritesANewerOne() throws Exception {
        String hash = ObjectKeys.sha256Hex("status-order".getBytes(StandardCharsets.UTF_8));
        StatusUpdate rejected = new StatusUpdate(hash, MessageStatus.REJECTED, ErrorCode.CONTENT_UNAVAILABLE.code(),
                "content not found", 2, 2_000L);
        StatusUpdate pending = new StatusUpdate(hash, MessageStatus.PENDING, null, null, 1, 1_000L);
        StatusUpdate processed = new StatusUpdate(hash, MessageStatus.PROCESSED, null, null, 3, 3_000L);

        writeStatuses(List.of(rejected));
        writeStatuses(List.of(pending)); // older, arrives later
        assertThat(queries.statusByHash(hash).orElseThrow())
                .containsEntry("status", "rejected")
                .containsEntry("error_code", 3)
                .containsEntry("reason", "content not found")
                .containsEntry("updated_at", Instant.ofEpochMilli(2_000L))
                .containsEntry("version", 2L);

        writeStatuses(List.of(processed));
        writeStatuses(List.of(rejected, pending)); // a replay of older versions
        assertThat(queries.statusByHash(hash).orElseThrow())
                .containsEntry("status", "processed")
                .containsEntry("error_code", null)
                .containsEntry("reason", null)
                .containsEntry("updated_at", Instant.ofEpochMilli(3_000L))
                .containsEntry("version", 3L);
    }

    @Test
    void aFinalStatusIsReadBackWithItsEpoch() throws Exception {
        String hash = ObjectKeys.sha256Hex("final-status".getBytes(StandardCharsets.UTF_8));
        writeStatuses(List.of(new StatusUpdate(hash, MessageStatus.PROCESSED, null, null, 1, 1_000L),
                new StatusUpdate(hash, MessageStatus.FINAL, null, null, 2, 2_000L, "3:40-49")));

        // bin/aleph proof finds a final message's epoch through this query
        assertThat(queries.statusByHash(hash).orElseThrow())
                .containsEntry("status", "final")
                .containsEntry("epoch", "3:40-49")
                .containsEntry("version", 2L);
        assertThat(queries.statusHistory(hash)).extracting(row -> row.get("status"), row -> row.get("epoch"))
                .containsExactly(tuple("processed", null), tuple("final", "3:40-49"));
    }

    @Test
    void contentThatDoesNotHashToItsKeyFailsTheJobAndIsNotStored() {
        String key = ObjectKeys.forSha256(ObjectKeys.sha256Hex("the real content".getBytes(StandardCharsets.UTF_8)));
        StoredObject forged = new StoredObject(key, "other bytes".getBytes(StandardCharsets.UTF_8), "application/json");
        StreamExecutionEnvironment env = TestJobs.environment();
        env.fromData(List.of(forged)).uid("forged-source")
                .sinkTo(ObjectStoreSink.create(conf)).name("object-store").uid("object-store");

        assertThatThrownBy(() -> env.execute("forged-content-it"))
                .satisfies(error -> assertThat(ExceptionUtils.findThrowable(error, ContentHashMismatchException.class)).isPresent());
        assertThatThrownBy(() -> objects.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.errorResponse().code()).isEqualTo("NoSuchKey"));
    }

    /** Fails the job once, after it has written for a while (so after at least one checkpoint). */
    static final class FailOnce implements MapFunction<VerifiedMessage, VerifiedMessage> {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        private final long failAtOffset;

        FailOnce(long failAtOffset) {
            this.failAtOffset = failAtOffset;
        }

        @Override
        public VerifiedMessage map(VerifiedMessage message) {
            if (message.offset() == failAtOffset && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at offset " + failAtOffset);
            }
            return message;
        }
    }

    @Test
    void aFailureAndRestoreFromCheckpointLosesNoWrite() throws Exception {
        int count = 80;
        String sender = "0xrecovering";
        Configuration restartOnce = new Configuration();
        restartOnce.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restartOnce.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
        restartOnce.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = TestJobs.environment(restartOnce);
        GeneratorFunction<Long, VerifiedMessage> message = n -> Samples.inlinePost(sender, 1_000 + n.intValue());
        DataStream<VerifiedMessage> messages = env.fromSource(
                        new DataGeneratorSource<>(message, count, RateLimiterStrategy.perSecond(20),
                                TypeInformation.of(VerifiedMessage.class)),
                        WatermarkStrategy.noWatermarks(),
                        "messages")
                .uid("messages-source")
                // The generator gives each subtask a contiguous range; 3/4 in is mid-range, some checkpoints in.
                .map(new FailOnce(100L + 1_000 + count * 3 / 4)).name("fail-once").uid("fail-once");
        DataStream<AcceptedCopy> copies = messages.map(Samples::firstCopy).name("first-copies").uid("first-copies");
        copies.map(copy -> Samples.rowsOf(copy.message())).name("message-rows").uid("message-rows")
                .sinkTo(CassandraSink.messages(conf)).name("cassandra-messages").uid("cassandra-messages");
        copies.flatMap(new MessageContentObjects()).name("content-objects").uid("content-objects")
                .sinkTo(ObjectStoreSink.create(conf)).name("object-store").uid("object-store");

        env.execute("recovery-it");

        assertThat(FailOnce.FAILED).isTrue();
        assertThat(queries.messagesOfSenderOnDay(sender, DAY, 1000)).hasSize(count);
        for (int n = 0; n < count; n++) {
            VerifiedMessage expected = Samples.inlinePost(sender, 1_000 + n);
            assertThat(queries.messageByHash(expected.itemHash())).as("message %d", n).isPresent();
            assertThat(readObject(ObjectKeys.forSha256(expected.itemHash())))
                    .isEqualTo(expected.itemContent().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void writeStatuses(List<StatusUpdate> updates) throws Exception {
        StreamExecutionEnvironment env = TestJobs.environment();
        env.setParallelism(1);
        env.fromData(updates).uid("statuses-source")
                .sinkTo(CassandraSink.statuses(conf)).name("cassandra-statuses").uid("cassandra-statuses");
        env.execute("status-order-it");
    }

    private static byte[] readObject(String key) throws Exception {
        try (GetObjectResponse response = objects.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return response.readAllBytes();
        }
    }

    /** Everything the write job touches, keyed so that two snapshots compare with equals. */
    private static Map<String, Object> snapshot() throws Exception {
        Map<String, Object> state = new TreeMap<>();
        for (VerifiedMessage m : messages()) {
            state.put("message/" + m.itemHash(), queries.messageByHash(m.itemHash()).orElseThrow());
            state.put("status/" + m.itemHash(), queries.statusByHash(m.itemHash()).orElseThrow());
        }
        for (int s = 0; s < SENDERS; s++) {
            state.put("sender/" + s, queries.messagesOfSenderOnDay(sender(s), DAY, 1000));
        }
        for (Rejection r : rejections()) {
            state.put("rejection/" + r.rejectionId(), queries.rejectionById(r.rejectionId()).orElseThrow());
        }
        state.put("rejections/day", queries.rejectionsOfDay(DAY, 1000));
        state.put("rejections/hash-0", queries.rejectionsByItemHash("hash-0"));
        Map<String, Long> objectSizes = new TreeMap<>();
        for (Result<Item> item : objects.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
            objectSizes.put(item.get().objectName(), item.get().size());
        }
        state.put("objects", objectSizes);
        return state;
    }
}
