package cloud.aleph.flink.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.connectors.Bootstrap;
import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.infra.local.Stack;
import cloud.aleph.flink.infra.local.StackExtension;
import cloud.aleph.flink.jobs.workload.DemoWorkload;
import cloud.aleph.flink.jobs.workload.WorkloadMessage;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.signing.DemoKeys;
import cloud.aleph.flink.operators.signing.MessageSigner;
import com.datastax.oss.driver.api.core.CqlSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production verification job on the embedded stack, fed through Kafka with valid ETH and SOL
 * messages and bad input of every kind: each input gets its verdict in Cassandra, the object store
 * and the rejected topic, each item_hash the status the agreed state gives it (the oracle's, once
 * every wait expired), and the job keeps running without a restart.
 *
 * <p>The inputs go in two batches, the second published once the first is settled: it replays
 * inputs of the first (exact duplicates) and completes two pairs of copies of one item_hash, a
 * valid copy then a tampered one, and a tampered copy then a valid one.
 */
@ExtendWith(StackExtension.class)
class VerificationJobITCase {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final double T = 1_700_000_000.0;

    private static final MessageSigner ETH_0 = DemoKeys.ethereum(0);
    private static final MessageSigner ETH_1 = DemoKeys.ethereum(1);
    private static final MessageSigner SOL_0 = DemoKeys.solana(0);
    private static final MessageSigner SOL_1 = DemoKeys.solana(1);

    private static final String SIGNATURE_INVALID = "The signature of the message is invalid";
    private static final String HASH_MISMATCH = "'item_hash' does not match 'sha256(item_content)'";
    private static final String NOT_JSON = "Message is not valid JSON";

    private static Configuration conf;
    private static CqlSession session;
    private static final ExpectedOutcome expected = new ExpectedOutcome();
    private static JobStatus statusAfterProcessing;
    private static long restartsAfterProcessing;
    private static long checkpointsAfterProcessing;
    private static List<ConsumerRecord<byte[], byte[]>> rejectedTopic;

    @BeforeAll
    static void runTheJobOnEveryKindOfInput(Stack stack, @TempDir Path work) throws Exception {
        conf = ItConfiguration.of(stack, "verify");
        Bootstrap.run(conf);
        session = CassandraSessions.open(conf);
        List<RawInput> first = new ArrayList<>();
        List<RawInput> second = new ArrayList<>();
        batches(first, second);

        try (LocalJob job = LocalJob.startVerificationJob(conf, work)) {
            RawTopic.publish(conf, first);
            expected.published(first);
            expected.awaitSettled(conf, session, TIMEOUT);

            RawTopic.publish(conf, second);
            expected.published(second);
            expected.awaitSettled(conf, session, TIMEOUT);

            statusAfterProcessing = job.status();
            restartsAfterProcessing = job.restarts();
            checkpointsAfterProcessing = job.completedCheckpoints();
            job.stopWithSavepoint(work.resolve("savepoints"));
        }
        rejectedTopic = RejectedTopic.readAllCommitted(conf, TIMEOUT);
    }

    @AfterAll
    static void closeSession() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void badInputNeitherFailsNorRestartsTheJob() {
        assertThat(statusAfterProcessing).isEqualTo(JobStatus.RUNNING);
        assertThat(restartsAfterProcessing).as("numRestarts").isZero();
        assertThat(checkpointsAfterProcessing).as("completed checkpoints").isPositive();
    }

    @Test
    void cassandraHoldsTheVerdictOfEveryInput() {
        expected.assertCassandra(session, CassandraOptions.keyspace(conf));
    }

    @Test
    void theAgreedStateIsTheOracles() {
        expected.assertAgreedState(session, CassandraOptions.keyspace(conf));
    }

    @Test
    void objectStoreHoldsTheExactContentOfEveryKeptInlineCopyOnly() throws Exception {
        expected.assertContentObjects(conf);
    }

    @Test
    void rejectedTopicHasOneCommittedRecordPerBadInputRecord() throws Exception {
        assertThat(rejectedTopic).hasSize(expected.publicationsOfRejections().values().stream().mapToInt(Long::intValue).sum());
        expected.assertRejectedTopic(rejectedTopic);
    }

    @Test
    void theWorkloadCoversWhatItClaims() {
        // Guards the expectations above against a workload that silently lost its hard cases.
        assertThat(expected.validCopies()).hasSizeGreaterThan(30);
        assertThat(expected.rejections().values()).extracting(RawInput::expectedCode)
                .contains(ErrorCode.INVALID_FORMAT, ErrorCode.INVALID_SIGNATURE);
        assertThat(expected.publicationsOfRejections().values()).contains(2L);
        assertThat(expected.keptCopies().values()).extracting(ExpectedOutcome::itemTypeOf).contains("inline", "storage");
        assertThat(expected.rejections().values()).filteredOn(input -> input.itemHash() != null)
                .anyMatch(input -> expected.validCopies().containsKey(input.itemHash()));
        // Valid messages the agreed state processes, and one it rejects (content not inline: never fetched here).
        assertThat(expected.processedCopies()).hasSizeGreaterThan(30);
        assertThat(expected.expectedStatuses().values()).extracting(status -> status.get("status").textValue()
                + " " + status.get("error_code")).contains("processed null", "rejected 3");
    }

    /** Fills the two batches; inputs of the second batch that repeat the first are the same text. */
    private static void batches(List<RawInput> first, List<RawInput> second) throws Exception {
        // Valid messages of both chains, inline and not, on two days, one at the inline size limit.
        first.add(RawInput.valid("valid ETH post", Envelopes.post(ETH_0, T + 1, "hello from ETH")));
        first.add(RawInput.valid("valid SOL post", Envelopes.post(SOL_0, T + 2, "hello from SOL")));
        first.add(RawInput.valid("valid ETH aggregate", Envelopes.aggregate(ETH_1, T + 3, "profile", "eth")));
        first.add(RawInput.valid("valid SOL aggregate", Envelopes.aggregate(SOL_1, T + 4, "profile", "sol")));
        first.add(RawInput.valid("valid ETH store of a storage item (not inline)",
                Envelopes.storageStore(ETH_0, T + 5, sha256("a file kept elsewhere"))));
        first.add(RawInput.valid("valid ETH post of 200000 code points", Envelopes.postOfLength(ETH_1, T + 6, 200_000)));
        first.add(RawInput.valid("valid SOL post of the next day", Envelopes.post(SOL_0, T + 86_400, "a day later")));

        // Tampered after signing.
        first.add(RawInput.rejected("ETH post with a tampered signature",
                Envelopes.tamperSignature(Envelopes.post(ETH_0, T + 10, "tampered signature")),
                ErrorCode.INVALID_SIGNATURE, SIGNATURE_INVALID));
        first.add(RawInput.rejected("SOL post with a tampered signature",
                Envelopes.tamperSignature(Envelopes.post(SOL_0, T + 11, "tampered signature")),
                ErrorCode.INVALID_SIGNATURE, SIGNATURE_INVALID));
        String content = Envelopes.post(ETH_1, T + 12, "tampered content");
        first.add(RawInput.rejected("ETH post with a tampered item_content",
                Envelopes.with(content, "item_content", Envelopes.field(content, "item_content") + " "),
                ErrorCode.INVALID_FORMAT, HASH_MISMATCH));
        first.add(RawInput.rejected("ETH post with a tampered sender",
                Envelopes.tamperLastChar(Envelopes.post(ETH_0, T + 13, "tampered sender"), "sender"),
                ErrorCode.INVALID_SIGNATURE, SIGNATURE_INVALID));
        first.add(RawInput.rejected("SOL post with a tampered sender",
                Envelopes.tamperLastChar(Envelopes.post(SOL_1, T + 14, "tampered sender"), "sender"),
                ErrorCode.INVALID_SIGNATURE, SIGNATURE_INVALID));
        first.add(RawInput.rejected("SOL post with a tampered item_hash",
                Envelopes.tamperLastChar(Envelopes.post(SOL_0, T + 15, "tampered hash"), "item_hash"),
                ErrorCode.INVALID_FORMAT, HASH_MISMATCH));

        // Malformed, truncated, oversized, unknown chain, no signature.
        String intact = Envelopes.post(ETH_1, T + 20, "malformed");
        first.add(RawInput.rejected("not JSON", "this is not JSON, just text", ErrorCode.INVALID_FORMAT, NOT_JSON));
        first.add(RawInput.rejected("empty input", "", ErrorCode.INVALID_FORMAT, NOT_JSON));
        first.add(RawInput.rejected("JSON array", "[" + intact + "]", ErrorCode.INVALID_FORMAT, "Message is not a dictionary"));
        first.add(RawInput.rejected("missing sender", Envelopes.without(intact, "sender"),
                ErrorCode.INVALID_FORMAT, "sender: a string is required"));
        first.add(RawInput.rejected("missing item_hash", Envelopes.without(intact, "item_hash"),
                ErrorCode.INVALID_FORMAT, "Could not determine item hash"));
        first.add(RawInput.rejected("missing type", Envelopes.without(intact, "type"),
                ErrorCode.INVALID_FORMAT, "Invalid message_type"));
        first.add(RawInput.rejected("missing time", Envelopes.without(Envelopes.post(SOL_1, T + 21, "no time"), "time"),
                ErrorCode.INVALID_FORMAT, "time: field required"));
        first.add(RawInput.rejected("truncated", intact.substring(0, intact.length() / 2), ErrorCode.INVALID_FORMAT, NOT_JSON));
        first.add(RawInput.rejected("item_content of 200001 code points", Envelopes.postOfLength(ETH_0, T + 22, 200_001),
                ErrorCode.INVALID_FORMAT, "Message too long"));
        first.add(RawInput.rejected("unknown chain", Envelopes.with(Envelopes.post(ETH_0, T + 23, "chain"), "chain", "MEGA_CHAIN"),
                ErrorCode.INVALID_FORMAT, "chain: unknown chain 'MEGA_CHAIN'"));
        first.add(RawInput.rejected("missing signature", Envelopes.without(Envelopes.post(ETH_1, T + 24, "unsigned"), "signature"),
                ErrorCode.INVALID_SIGNATURE, "Missing signature"));
        first.add(RawInput.rejected("empty signature", Envelopes.with(Envelopes.post(SOL_0, T + 25, "unsigned"), "signature", ""),
                ErrorCode.INVALID_SIGNATURE, "Missing signature"));

        // Replayed in the second batch, byte for byte.
        List<RawInput> replayed = List.of(
                RawInput.valid("valid ETH post, replayed", Envelopes.post(ETH_0, T + 30, "replayed")),
                RawInput.valid("valid SOL post, replayed", Envelopes.post(SOL_1, T + 31, "replayed")),
                RawInput.rejected("SOL post with a tampered signature, replayed",
                        Envelopes.tamperSignature(Envelopes.post(SOL_1, T + 32, "replayed")),
                        ErrorCode.INVALID_SIGNATURE, SIGNATURE_INVALID),
                RawInput.rejected("not JSON, replayed", "not JSON either, and sent twice", ErrorCode.INVALID_FORMAT, NOT_JSON));
        first.addAll(replayed);
        second.addAll(replayed);

        // Two copies of one item_hash, valid and tampered signature, in both orders.
        String validFirst = Envelopes.post(ETH_1, T + 40, "valid copy first");
        first.add(RawInput.valid("valid copy, before its tampered copy", validFirst));
        second.add(RawInput.rejected("tampered copy, after its valid copy", Envelopes.tamperSignature(validFirst),
                ErrorCode.INVALID_SIGNATURE, SIGNATURE_INVALID));
        String tamperedFirst = Envelopes.post(SOL_0, T + 41, "tampered copy first");
        first.add(RawInput.rejected("tampered copy, before its valid copy", Envelopes.tamperSignature(tamperedFirst),
                ErrorCode.INVALID_SIGNATURE, SIGNATURE_INVALID));
        second.add(RawInput.valid("valid copy, after its tampered copy", tamperedFirst));

        // Volume: the demo workload, every kind of its bad input twice.
        List<WorkloadMessage> workload = DemoWorkload.generate(30, 18, 11, T + 1_000);
        for (int i = 0; i < workload.size(); i++) {
            WorkloadMessage m = workload.get(i);
            first.add(new RawInput("workload #" + i + " " + m.kind(), m.json(), m.expectedError(), null));
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
