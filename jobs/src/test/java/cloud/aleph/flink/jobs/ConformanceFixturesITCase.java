package cloud.aleph.flink.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.connectors.Bootstrap;
import cloud.aleph.flink.connectors.cassandra.CassandraQueries;
import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.infra.local.Stack;
import cloud.aleph.flink.infra.local.StackExtension;
import cloud.aleph.flink.operators.conformance.Fixtures;
import cloud.aleph.flink.operators.conformance.Fixtures.Expected;
import cloud.aleph.flink.operators.conformance.Fixtures.Fixture;
import cloud.aleph.flink.operators.crypto.SignatureVerifiers;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.MessageStatus;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference node's conformance fixtures (operators/src/test/resources/conformance, shared
 * through the operators test-jar) published through Kafka to the production job: every line gets
 * the final verdict of expectations.csv ({@code verdict_all_chains}, {@code code_all_chains}), and
 * each accepted line the status the agreed state gives it (the oracle's, every wait expired).
 *
 * <p>Some lines share an item_hash (32/53, 33/54, 58/65): the hash is processed when any copy is
 * valid, so accepted lines are checked on message_status and rejected lines on their own
 * rejection record (rejection_id = sha256 of the line's bytes).
 */
@ExtendWith(StackExtension.class)
class ConformanceFixturesITCase {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static Configuration conf;
    private static CqlSession session;
    private static List<Fixture> fixtures;
    private static final ExpectedOutcome expected = new ExpectedOutcome();
    private static JobStatus statusAfterProcessing;
    private static long restartsAfterProcessing;
    private static List<ConsumerRecord<byte[], byte[]>> rejectedTopic;

    @BeforeAll
    static void publishEveryFixtureLine(Stack stack, @TempDir Path work) throws Exception {
        fixtures = Fixtures.all();
        conf = ItConfiguration.of(stack, "conformance");
        Bootstrap.run(conf);
        session = CassandraSessions.open(conf);

        List<RawInput> inputs = new ArrayList<>();
        for (Fixture fixture : fixtures) {
            Expected verdict = fixture.withAllChains();
            inputs.add(new RawInput("line " + fixture.line() + " (" + fixture.id() + " " + fixture.chain() + ")",
                    fixture.json(), verdict.accepted() ? null : verdict.code(), null));
        }
        try (LocalJob job = LocalJob.startVerificationJob(conf, work)) {
            RawTopic.publish(conf, inputs);
            expected.published(inputs);
            expected.awaitSettled(conf, session, TIMEOUT);
            statusAfterProcessing = job.status();
            restartsAfterProcessing = job.restarts();
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
    void theJobVerifiesEveryChainOfTheFixtures() {
        // verdict_all_chains is the verdict once a chain's verifier exists; the job must have them all.
        SignatureVerifiers verifiers = SignatureVerifiers.defaults();
        for (Fixture fixture : fixtures) {
            Optional<Chain> chain = Chain.fromWire(fixture.chain());
            chain.filter(c -> c.family() != Chain.Family.NONE).ifPresent(c ->
                    assertThat(verifiers.supports(c.family())).as("verifier of %s (line %d)", c, fixture.line()).isTrue());
        }
    }

    @Test
    void everyLineHasTheVerdictAndCodeOfTheReference() {
        CassandraQueries queries = new CassandraQueries(session, CassandraOptions.keyspace(conf));
        Map<String, List<Integer>> linesByHash = new HashMap<>();
        Map<String, JsonNode> statuses = expected.expectedStatuses();
        List<String> statesOfAcceptedLines = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        for (Fixture fixture : fixtures) {
            RawInput input = new RawInput("line " + fixture.line(), fixture.json(), null, null);
            if (input.itemHash() != null) {
                linesByHash.computeIfAbsent(input.itemHash(), h -> new ArrayList<>()).add(fixture.line());
            }
            Expected verdict = fixture.withAllChains();
            if (verdict.accepted()) {
                // Accepted at verification: no rejection record of its own, and the status the agreed
                // state gives its hash (the oracle's), with message rows exactly when processed.
                softly.assertThat(queries.rejectionById(input.rejectionId()))
                        .as("rejection record of accepted line %d %s", fixture.line(), fixture.id()).isEmpty();
                JsonNode oracleStatus = statuses.get(input.itemHash());
                softly.assertThat(oracleStatus).as("oracle's status of line %d %s", fixture.line(), fixture.id()).isNotNull();
                if (oracleStatus == null) {
                    continue;
                }
                String status = oracleStatus.get("status").textValue();
                Integer code = oracleStatus.get("error_code").isNull() ? null : oracleStatus.get("error_code").intValue();
                Optional<Map<String, Object>> row = queries.statusByHash(input.itemHash());
                softly.assertThat(row.map(s -> s.get("status")))
                        .as("status of line %d %s", fixture.line(), fixture.id()).contains(status);
                softly.assertThat(row.map(s -> s.get("error_code")).orElse(null))
                        .as("error code of line %d %s", fixture.line(), fixture.id()).isEqualTo(code);
                softly.assertThat(queries.messageByHash(input.itemHash()).isPresent())
                        .as("messages row of line %d %s (%s)", fixture.line(), fixture.id(), status)
                        .isEqualTo(MessageStatus.PROCESSED.wire().equals(status));
                statesOfAcceptedLines.add(status + (code == null ? "" : " " + code));
            } else {
                Optional<Map<String, Object>> rejection = queries.rejectionById(input.rejectionId());
                softly.assertThat(rejection.map(r -> r.get("error_code")))
                        .as("rejection of line %d %s (%s)", fixture.line(), fixture.id(), fixture.notes())
                        .contains(verdict.code().code());
            }
        }
        softly.assertAll();
        // The shared hashes the class comment speaks of are really there.
        assertThat(linesByHash.values()).filteredOn(lines -> lines.size() > 1)
                .contains(List.of(32, 53), List.of(33, 54), List.of(58, 65));
        // The accepted lines end in every kind of status: the check above met the state's decisions, not only processed.
        assertThat(statesOfAcceptedLines).contains("processed", "forgotten", "rejected 3", "rejected 101", "rejected 501");
    }

    @Test
    void cassandraHoldsExactlyWhatTheVerdictsCallFor() {
        expected.assertCassandra(session, CassandraOptions.keyspace(conf));
    }

    @Test
    void theAgreedStateIsTheOracles() {
        expected.assertAgreedState(session, CassandraOptions.keyspace(conf));
    }

    @Test
    void objectStoreHoldsTheContentOfEveryAcceptedInlineMessage() throws Exception {
        expected.assertContentObjects(conf);
    }

    @Test
    void rejectedTopicHasEachRejectedLineOnce() throws Exception {
        long rejectedLines = fixtures.stream().filter(f -> !f.withAllChains().accepted()).count();
        assertThat(rejectedTopic).hasSize((int) rejectedLines);
        expected.assertRejectedTopic(rejectedTopic);
    }

    @Test
    void theJobKeptRunning() {
        assertThat(statusAfterProcessing).isEqualTo(JobStatus.RUNNING);
        assertThat(restartsAfterProcessing).as("numRestarts").isZero();
    }
}
