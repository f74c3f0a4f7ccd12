package cloud.aleph.flink.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.connectors.Bootstrap;
import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.infra.local.Stack;
import cloud.aleph.flink.infra.local.StackExtension;
import cloud.aleph.flink.jobs.workload.DemoWorkload;
import cloud.aleph.flink.jobs.workload.WorkloadMessage;
import com.datastax.oss.driver.api.core.CqlSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The verification job fails once mid-stream and restarts from its last checkpoint: nothing is
 * lost and nothing is doubled. The job is the production job, its Kafka source wrapped so that
 * it throws once, some records after a completed checkpoint ({@link FailingSource}).
 *
 * <p>The workload goes in two halves; the second is published once the first is settled and a
 * checkpoint has completed, so the failure falls while records flow, with a checkpoint behind it.
 * What can show a duplicate is checked: the rejected topic (read_committed, one record per bad
 * input), the status versions (write timestamps) and the row counts of every sender-day partition;
 * and the agreed state must be the oracle's, as without a failure.
 */
@ExtendWith(StackExtension.class)
class RestartITCase {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int RECORDS_BEFORE_FAILURE = 20;

    private static Configuration conf;
    private static CqlSession session;
    private static final ExpectedOutcome expected = new ExpectedOutcome();
    private static boolean failureInjected;
    private static JobStatus statusAfterProcessing;
    private static long restarts;
    private static long lastRestore;
    private static List<ConsumerRecord<byte[], byte[]>> rejectedTopic;

    @BeforeAll
    static void failTheJobOnceMidStream(Stack stack, @TempDir Path work) throws Exception {
        conf = ItConfiguration.of(stack, "restart");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        Bootstrap.run(conf);
        session = CassandraSessions.open(conf);
        Path markers = work.resolve("failures");

        List<RawInput> workload = new ArrayList<>();
        List<WorkloadMessage> messages = DemoWorkload.generate(240, 36, 5, 1_700_000_000.0);
        for (int i = 0; i < messages.size(); i++) {
            WorkloadMessage m = messages.get(i);
            workload.add(new RawInput("workload #" + i + " " + m.kind(), m.json(), m.expectedError(), null));
        }
        List<RawInput> firstHalf = workload.subList(0, workload.size() / 2);
        List<RawInput> secondHalf = workload.subList(workload.size() / 2, workload.size());

        try (LocalJob job = LocalJob.start(conf, work, (env, local) -> ProductionWiring.defineVerificationJob(
                env, local, source -> FailingSource.wrap(source, markers, RECORDS_BEFORE_FAILURE)))) {
            RawTopic.publish(conf, firstHalf);
            expected.published(firstHalf);
            expected.awaitSettled(conf, session, TIMEOUT);
            job.awaitCompletedCheckpoints(job.completedCheckpoints() + 1, TIMEOUT);

            RawTopic.publish(conf, secondHalf);
            expected.published(secondHalf);
            expected.awaitSettled(conf, session, TIMEOUT);

            failureInjected = Files.exists(FailingSource.marker(markers, 0));
            statusAfterProcessing = job.status();
            restarts = job.restarts();
            lastRestore = job.lastCheckpointRestoreTimestamp();
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
    void theJobFailedOnceAndRestartedFromACheckpoint() {
        assertThat(failureInjected).as("the injected failure happened").isTrue();
        assertThat(restarts).as("numRestarts").isEqualTo(1);
        assertThat(lastRestore).as("lastCheckpointRestoreTimestamp").isPositive();
        assertThat(statusAfterProcessing).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void cassandraHasEveryMessageOnceAndEveryStatus() {
        expected.assertCassandra(session, CassandraOptions.keyspace(conf));
    }

    @Test
    void theAgreedStateIsTheOracles() {
        expected.assertAgreedState(session, CassandraOptions.keyspace(conf));
    }

    @Test
    void objectStoreHasEveryContentObject() throws Exception {
        expected.assertContentObjects(conf);
    }

    @Test
    void rejectedTopicHasEveryRejectionExactlyOnce() throws Exception {
        assertThat(rejectedTopic).hasSize(expected.rejections().size());
        expected.assertRejectedTopic(rejectedTopic);
    }
}
