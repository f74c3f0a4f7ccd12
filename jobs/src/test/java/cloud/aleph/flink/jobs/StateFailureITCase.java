package cloud.aleph.flink.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.connectors.Bootstrap;
import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.infra.local.Stack;
import cloud.aleph.flink.infra.local.StackExtension;
import cloud.aleph.flink.operators.state.ConvergenceWorkload;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job fails at random points, restarts from its last checkpoint, and ends in the same state
 * (issue "State agreement"): the convergence workload goes through the production job whose Kafka
 * source throws {@value #FAILURES} times ({@link FailingSource}), each time after a seeded random
 * number of records past a completed checkpoint; every failure restores the last checkpoint and
 * replays what followed it, with writes of the failed attempt already in Cassandra, pending
 * evaluations and waits in flight. The state read back must equal the oracle's.
 *
 * <p>The workload is published in {@value #FAILURES} + 1 slices: each slice once the previous
 * failure has restarted the job and a checkpoint has completed since, so that every failure falls
 * among records with a checkpoint behind it. Messages whose dependency is in a later slice wait,
 * may expire (short max-wait), and are re-evaluated when it arrives, as the document requires.
 */
@ExtendWith(StackExtension.class)
class StateFailureITCase {

    private static final int FAILURES = 3;
    private static final long SEED = 4_711L;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static Configuration conf;
    private static CqlSession session;
    private static List<String> published;
    private static int[] failurePoints;
    private static int failuresThrown;
    private static long restarts;
    private static final List<Instant> failureTimes = new ArrayList<>();
    private static long lastRestore;
    private static JobStatus statusAfterProcessing;
    private static ObjectNode settled;
    private static List<ConsumerRecord<byte[], byte[]>> rejectedTopic;

    @BeforeAll
    static void runTheWorkloadThroughAFailingJob(Stack stack, @TempDir Path work) throws Exception {
        conf = ItConfiguration.of(stack, "statefailure");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, FAILURES + 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        Bootstrap.run(conf);
        session = CassandraSessions.open(conf);
        String keyspace = CassandraOptions.keyspace(conf);

        Random random = new Random(SEED);
        published = new ArrayList<>(ConvergenceWorkload.generate(ConvergenceWorkload.DEFAULT_SEED).envelopes());
        Collections.shuffle(published, random);
        // Each reader of the parallelism-2 job sees about a quarter of a slice (~330 records): a
        // failure point below that is always reached.
        failurePoints = new int[FAILURES];
        for (int i = 0; i < FAILURES; i++) {
            failurePoints[i] = 10 + random.nextInt(200);
        }
        Path markers = work.resolve("failures");

        try (LocalJob job = LocalJob.start(conf, work, (env, local) -> ProductionWiring.defineVerificationJob(
                env, local, source -> FailingSource.wrap(source, markers, failurePoints)))) {
            job.awaitCompletedCheckpoints(1, TIMEOUT);
            int slice = published.size() / (FAILURES + 1);
            for (int i = 0; i <= FAILURES; i++) {
                List<String> envelopes = published.subList(i * slice, i == FAILURES ? published.size() : (i + 1) * slice);
                RawTopic.publishEnvelopes(conf, envelopes);
                if (i < FAILURES) {
                    awaitRestart(job, markers, i + 1);
                }
            }
            RawTopic.awaitConsumed(conf, TIMEOUT);
            settled = SettledState.await(session, keyspace, OracleState.itemHashes(OracleState.of(published)),
                    OracleState.rejectionIds(published), ItConfiguration.QUIET, TIMEOUT);

            failuresThrown = FailingSource.thrown(markers, FAILURES);
            for (int i = 0; i < failuresThrown; i++) {
                failureTimes.add(Files.getLastModifiedTime(FailingSource.marker(markers, i)).toInstant());
            }
            restarts = job.restarts();
            lastRestore = job.lastCheckpointRestoreTimestamp();
            statusAfterProcessing = job.status();
            job.stopWithSavepoint(work.resolve("savepoints"));
        }
        rejectedTopic = RejectedTopic.readAllCommitted(conf, TIMEOUT);
    }

    /** Waits until the {@code failures}-th failure was thrown, the job restarted, and a checkpoint completed since. */
    private static void awaitRestart(LocalJob job, Path markers, int failures) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (FailingSource.thrown(markers, FAILURES) < failures || job.restarts() < failures) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("failure " + failures + " (after " + failurePoints[failures - 1]
                        + " records) was not thrown and restarted from within " + TIMEOUT + "; restarts: " + job.restarts());
            }
            Thread.sleep(50);
        }
        job.awaitCompletedCheckpoints(job.completedCheckpoints() + 1, TIMEOUT);
    }

    @AfterAll
    static void closeSession() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void theJobRestartedOncePerInjectedFailureFromACheckpoint() {
        assertThat(failuresThrown).as("injected failures thrown (points %s)", Arrays.toString(failurePoints)).isEqualTo(FAILURES);
        assertThat(restarts).as("numRestarts").isEqualTo(FAILURES);
        assertThat(lastRestore).as("lastCheckpointRestoreTimestamp").isPositive();
        assertThat(statusAfterProcessing).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void theStateIsTheOraclesAsWithoutFailures() {
        String keyspace = CassandraOptions.keyspace(conf);
        JsonNode oracle = OracleState.of(published);
        StateTables.assertSameState(session, keyspace, "after " + FAILURES + " failures thrown at " + failureTimes,
                settled, oracle);
        StateTables.assertRowsFollow(session, keyspace, oracle, OracleState.rejectionIds(published),
                "after " + FAILURES + " failures");
    }

    @Test
    void theRejectedTopicHasEachBadInputOnce() throws Exception {
        // Exactly once through every restart: one committed record per publication of each bad input.
        Set<String> rejectionIds = OracleState.rejectionIds(published);
        Map<String, Long> expected = new TreeMap<>(published.stream().map(StateFailureITCase::sha256)
                .filter(rejectionIds::contains)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting())));
        Map<String, Long> actual = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : rejectedTopic) {
            String id = RejectedTopic.rejectionIdOf(record);
            actual.merge(id, 1L, Long::sum);
        }
        assertThat(expected).as("bad inputs of the workload").isNotEmpty();
        assertThat(actual).as("records per rejection_id on the rejected topic (read_committed)").isEqualTo(expected);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
