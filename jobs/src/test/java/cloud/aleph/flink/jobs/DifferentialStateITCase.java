package cloud.aleph.flink.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.connectors.Bootstrap;
import cloud.aleph.flink.connectors.cassandra.CassandraSchema;
import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.connectors.kafka.KafkaTopicBootstrap;
import cloud.aleph.flink.infra.local.Stack;
import cloud.aleph.flink.infra.local.StackExtension;
import cloud.aleph.flink.operators.state.ConvergenceWorkload;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential test of the agreed state (issue "State agreement"): the convergence workload
 * (2697 signed envelopes covering every rule of docs/state-semantics.md, plus bad input, exact
 * duplicates and relayed copies) goes through the production job on the real stack, and the state
 * read back from Cassandra ({@code StateExport}, as {@code bin/aleph export-state}) must equal the
 * state of the oracle (the sequential reference model) after every wait expired.
 *
 * <p>The issue asks for "at least 2000 generated messages, shuffled with at least 20 seeds, run
 * through the Flink job at parallelism 1, 2 and 4". It is read here as: 20 publishing orders
 * (seeds), every one of them run at each of the three parallelisms, each run on its own: 60 runs.
 * Every run starts from an empty state (its own raw topic, consumer group and CCN id, an emptied
 * keyspace; the object store is shared, its objects being content-addressed).
 * Every fifth seed publishes every envelope twice (two copies of each, apart), at each parallelism.
 *
 * <p>The job runs with a short {@code aleph.state.max-wait} so that every wait expires within the
 * run; the state counts as final once every item_hash has a final status and the export stays
 * unchanged for {@link ItConfiguration#QUIET}. Besides the export, the rows the export does not show
 * are checked ({@link StateTables}). The time of each run is printed at the end.
 */
@ExtendWith(StackExtension.class)
class DifferentialStateITCase {

    private static final int[] PARALLELISMS = {1, 2, 4};
    private static final int SEEDS = 20;
    private static final int DUPLICATES_EVERY = 5;
    private static final long FIRST_SEED = 9_100L;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** How each envelope is published. */
    enum Publication {
        ONCE,
        TWICE
    }

    private static Configuration base;
    private static CqlSession session;
    private static String keyspace;
    private static List<String> envelopes;
    private static ObjectNode oracle;
    private static ObjectNode oracleOfDuplicates;
    private static Set<String> itemHashes;
    private static Set<String> rejectionIds;
    private static final List<String> timings = Collections.synchronizedList(new ArrayList<>());
    private static long firstRunStarted;

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        int run = 0;
        for (int i = 0; i < SEEDS; i++) {
            long seed = FIRST_SEED + i;
            Publication publication = i % DUPLICATES_EVERY == DUPLICATES_EVERY - 1 ? Publication.TWICE : Publication.ONCE;
            for (int parallelism : PARALLELISMS) {
                run++;
                runs.add(Arguments.of(run, seed, parallelism, publication));
            }
        }
        return runs.stream();
    }

    @BeforeAll
    static void generateTheWorkloadAndItsOracleState(Stack stack) {
        envelopes = ConvergenceWorkload.generate(ConvergenceWorkload.DEFAULT_SEED).envelopes();
        oracle = OracleState.of(envelopes);
        List<String> twice = new ArrayList<>(envelopes);
        twice.addAll(envelopes);
        oracleOfDuplicates = OracleState.of(twice);
        itemHashes = OracleState.itemHashes(oracle);
        rejectionIds = OracleState.rejectionIds(envelopes);

        base = ItConfiguration.of(stack, "diff");
        Bootstrap.run(base);
        session = CassandraSessions.open(base);
        keyspace = CassandraOptions.keyspace(base);
    }

    @AfterAll
    static void reportTimes() {
        if (session != null) {
            session.close();
        }
        System.out.println("DifferentialStateITCase, seconds per run (reset, job start, publish, settle, checks; total):");
        timings.forEach(line -> System.out.println("  " + line));
        if (firstRunStarted != 0) {
            System.out.printf("  all runs: %.1f s%n", (System.nanoTime() - firstRunStarted) / 1e9);
        }
    }

    @ParameterizedTest(name = "run {0}: seed {1}, parallelism {2}, every envelope {3}")
    @MethodSource("runs")
    void theJobEndsInTheOraclesState(int run, long seed, int parallelism, Publication publication, @TempDir Path work)
            throws Exception {
        long started = System.nanoTime();
        if (firstRunStarted == 0) {
            firstRunStarted = started;
        }
        String context = "run " + run + " (seed " + seed + ", parallelism " + parallelism + ", every envelope " + publication + ")";
        Configuration conf = runConfiguration(run, parallelism);
        emptyTheKeyspace();
        KafkaTopicBootstrap.ensureTopics(conf);
        long reset = System.nanoTime();

        List<String> published = new ArrayList<>(envelopes);
        if (publication == Publication.TWICE) {
            published.addAll(envelopes);
        }
        Collections.shuffle(published, new Random(seed));
        ObjectNode expected = publication == Publication.TWICE ? oracleOfDuplicates : oracle;

        long jobStarted;
        long publishedAt;
        long settledAt;
        try (LocalJob job = LocalJob.start(conf, work, parallelism, ProductionWiring::defineVerificationJob)) {
            jobStarted = System.nanoTime();
            RawTopic.publishEnvelopes(conf, published);
            publishedAt = System.nanoTime();
            ObjectNode state = SettledState.await(session, keyspace, itemHashes, rejectionIds, ItConfiguration.QUIET, TIMEOUT);
            settledAt = System.nanoTime();

            assertThat(job.status()).as("%s: job status", context).isEqualTo(JobStatus.RUNNING);
            assertThat(job.restarts()).as("%s: numRestarts", context).isZero();
            StateTables.assertSameState(session, keyspace, context, state, expected);
            StateTables.assertRowsFollow(session, keyspace, expected, rejectionIds, context);
        }
        long done = System.nanoTime();
        String timing = String.format("run %2d  p=%d %-5s  %.1f  %.1f  %.1f  %.1f  %.1f;  %.1f", run, parallelism, publication,
                seconds(started, reset), seconds(reset, jobStarted), seconds(jobStarted, publishedAt),
                seconds(publishedAt, settledAt), seconds(settledAt, done), seconds(started, done));
        timings.add(timing);
        System.out.println("DifferentialStateITCase " + timing);
    }

    /** Names of its own for everything Kafka holds (topics, consumer group, transactional ids); the shared keyspace and bucket. */
    private static Configuration runConfiguration(int run, int parallelism) {
        Configuration conf = new Configuration(base);
        conf.set(KafkaOptions.RAW_TOPIC, "it.jobs.diff.r" + run + ".raw");
        conf.set(KafkaOptions.REJECTED_TOPIC, "it.jobs.diff.r" + run + ".rejected");
        conf.set(KafkaOptions.GROUP_ID, "it-jobs-diff-r" + run);
        conf.set(JobOptions.CCN_ID, "it-diff-r" + run);
        conf.set(JobOptions.VERIFY_PARALLELISM, parallelism);
        return conf;
    }

    /**
     * Truncates every table: 0.2 to 1.1 s on this machine, where dropping and re-creating the
     * keyspace took 22 to 28 s (schema changes are slow on one small node).
     */
    private static void emptyTheKeyspace() {
        for (String table : CassandraSchema.TABLES) {
            session.execute(SimpleStatement.newInstance("TRUNCATE " + keyspace + "." + table).setTimeout(Duration.ofSeconds(60)));
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
