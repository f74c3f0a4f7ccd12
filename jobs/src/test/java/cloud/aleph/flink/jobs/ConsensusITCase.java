package cloud.aleph.flink.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.connectors.Bootstrap;
import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.connectors.kafka.RawTopicPublisher;
import cloud.aleph.flink.infra.local.Stack;
import cloud.aleph.flink.infra.local.StackExtension;
import cloud.aleph.flink.jobs.NetworkTopics.RawRecord;
import cloud.aleph.flink.jobs.workload.DemoWorkload;
import cloud.aleph.flink.jobs.workload.EpochFiller;
import cloud.aleph.flink.jobs.workload.WorkloadMessage;
import cloud.aleph.flink.operators.consensus.CcnKey;
import cloud.aleph.flink.operators.consensus.ConsensusTexts;
import cloud.aleph.flink.operators.consensus.InclusionProof;
import cloud.aleph.flink.operators.consensus.Membership;
import cloud.aleph.flink.operators.consensus.MerkleTree;
import cloud.aleph.flink.operators.model.Attestation;
import cloud.aleph.flink.operators.model.EpochDigest;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.MessageStatus;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consensus across CCNs on the embedded stack: the production CCN verification jobs (one per CCN,
 * each with its own node key) and the production agreement job on one local Flink cluster, fed
 * through Kafka with a workload of valid messages and bad input of every kind. Every scenario has
 * its own topics, keyspace, consumer groups, transactional ids and CCN keys; epochs are 10 offsets
 * and are completed by heartbeat fillers after the workload.
 *
 * <p>What a scenario checks is derived from the raw topic as published: every valid record's
 * message is final in the epoch of its offset, every bad input is rejected with the reference code
 * (status and rejection record), every epoch is in the epochs table with the Merkle root of the
 * valid item_hashes of its offsets and the expected signers, every CCN published exactly one signed
 * attestation per record and one chained digest per epoch, and the consensus notes are exactly the
 * expected ones.
 */
@ExtendWith(StackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsensusITCase {

    private static final Duration JOB_START = Duration.ofSeconds(120);
    private static final Duration SETTLE = Duration.ofSeconds(180);
    /** How long a network that cannot reach a quorum is watched doing nothing. */
    private static final Duration QUIET = Duration.ofSeconds(15);
    private static final double BASE_TIME = 1_700_000_000.0;

    /** The workload of the honest, faulty and failing networks: the same messages, so their states compare. */
    private static final List<WorkloadMessage> WORKLOAD = DemoWorkload.generate(264, 36, 7, BASE_TIME);
    /** Messages per second of the honest run, whose latency to final is measured. */
    private static final double RATE = 20.0;

    /** Status and error code of every workload item_hash in the honest run, once it ran. */
    private static Map<String, List<Object>> honestStatuses;

    private static Stack stack;

    @BeforeAll
    static void useTheStack(Stack embedded) {
        stack = embedded;
    }

    // ---------------------------------------------------------------------------------------------
    // Scenarios

    @Test
    @Order(1)
    void threeHonestCcnsMakeEveryValidMessageFinalAndRejectEveryBadInput(@TempDir Path work) throws Exception {
        try (Network network = Network.create("honest", 3);
                NetworkCluster cluster = NetworkCluster.start(network.conf, network.keys, work)) {
            cluster.startAgreement();
            for (String ccn : network.keys.ids()) {
                cluster.startCcn(ccn);
            }
            cluster.awaitCheckpointOfEveryJob(JOB_START);

            Duration publishing = NetworkWorkload.publishPaced(network.conf, WORKLOAD, RATE);
            int fillers = EpochFiller.completeEpochs(network.conf, NetworkConfiguration.EPOCH_SIZE);
            NetworkExpectation expected = network.expectation(WORKLOAD);
            Map<String, Set<String>> signers = signersOfEveryEpoch(expected, network.keys.ids());

            network.awaitAgreedState(expected, signers);
            Latency latency = Latency.measure(network.store, expected.workloadValidHashes());

            Map<String, Map<String, String>> verdicts = new LinkedHashMap<>();
            Map<String, Map<String, List<String>>> leaves = new LinkedHashMap<>();
            for (String ccn : network.keys.ids()) {
                verdicts.put(ccn, expected.honestVerdicts());
                leaves.put(ccn, expected.honestLeaves());
            }
            network.awaitConsensusTopics(verdicts, leaves);

            network.assertAgreedState(expected, signers);
            network.assertConsensusTopics(expected, verdicts, leaves);
            network.assertRejectedTopicOncePerPublication(expected);
            assertThat(network.store.notes()).as("consensus notes of an honest network").isEmpty();
            network.assertProofs(expected, signers, sample(expected.workloadValidHashes(), 6));

            SoftAssertions softly = new SoftAssertions();
            long records = expected.records().size();
            softly.assertThat(cluster.consensusCounter(NetworkCluster.AGREEMENT, "attestationsCounted"))
                    .as("attestations counted").isEqualTo(3 * records);
            for (String ignored : List.of("attestationsForged", "attestationsUnregistered", "attestationsDuplicated",
                    "attestationDisagreements", "digestsIgnored", "digestDivergences")) {
                softly.assertThat(cluster.consensusCounter(NetworkCluster.AGREEMENT, ignored)).as(ignored).isZero();
            }
            softly.assertAll();

            honestStatuses = network.workloadStatuses();
            System.out.printf(Locale.ROOT, "[consensus-it] honest network, 3 CCNs, %d raw partitions, epochs of %d offsets, "
                    + "checkpoints every %d ms: %d messages (%d valid) published at %.0f/s over %.1f s, then %d heartbeat "
                    + "fillers; publish -> processed %s; publish -> final %s%n",
                    NetworkConfiguration.PARTITIONS, NetworkConfiguration.EPOCH_SIZE,
                    NetworkConfiguration.CHECKPOINT_INTERVAL.toMillis(), WORKLOAD.size(),
                    expected.workloadValidHashes().size(), RATE, publishing.toMillis() / 1000.0, fillers,
                    latency.toProcessed(), latency.toFinal());
            assertThat(latency.finalCount()).as("final workload messages measured")
                    .isEqualTo(expected.workloadValidHashes().size());
        }
    }

    @Test
    @Order(2)
    void withTwoCcnsDownNothingIsAgreedWithOneDownEverythingIsFinal(@TempDir Path work) throws Exception {
        try (Network network = Network.create("down", 3);
                NetworkCluster cluster = NetworkCluster.start(network.conf, network.keys, work)) {
            String ccn1 = network.keys.id(1);
            String ccn2 = network.keys.id(2);
            String ccn3 = network.keys.id(3);
            List<WorkloadMessage> first = DemoWorkload.generate(90, 9, 21, BASE_TIME + 10_000);
            // Its bad inputs include one of the first's again (the same text that is not JSON): rejected once more.
            List<WorkloadMessage> second = DemoWorkload.generate(90, 9, 22, BASE_TIME + 20_000);

            // Two of three down: one CCN attests everything, and that is not a quorum.
            cluster.startAgreement();
            cluster.startCcn(ccn1);
            cluster.awaitCheckpointOfEveryJob(JOB_START);
            NetworkWorkload.publish(network.conf, first);
            EpochFiller.completeEpochs(network.conf, NetworkConfiguration.EPOCH_SIZE);
            long quietFrom = System.nanoTime();
            NetworkExpectation afterFirst = network.expectation(first);
            int records = afterFirst.records().size();
            NetworkAwait.until(SETTLE, () -> {
                Map<String, List<Attestation>> attestations = NetworkTopics.attestationsByCcn(network.conf, network.keys);
                int published = attestations.getOrDefault(ccn1, List.of()).size();
                return published >= records ? null : ccn1 + " attested " + published + " of " + records + " records";
            });
            NetworkAwait.until(SETTLE, () -> NetworkTopics.notYetConsumed(network.conf,
                    NetworkConfiguration.agreementGroup(network.conf), network.consensusTopics()));
            Thread.sleep(Math.max(0, QUIET.toMillis() - Duration.ofNanos(System.nanoTime() - quietFrom).toMillis()));
            assertThat(network.store.statuses()).as("statuses with one CCN of three (none accepted, processed, final "
                    + "or rejected)").isEmpty();
            assertThat(network.store.epochs()).as("final epochs with one CCN of three").isEmpty();
            assertThat(network.store.rejections()).as("rejections with one CCN of three").isEmpty();
            assertThat(cluster.consensusCounter(NetworkCluster.AGREEMENT, "attestationsCounted"))
                    .as("attestations of the one CCN counted by the agreement").isEqualTo(records);

            // One down: the second CCN comes back, the backlog is agreed by two of three.
            cluster.startCcn(ccn2);
            Map<String, Set<String>> twoSigners = signersOfEveryEpoch(afterFirst, List.of(ccn1, ccn2));
            network.awaitAgreedState(afterFirst, twoSigners);
            network.assertAgreedState(afterFirst, twoSigners);

            // Still one down: new messages are accepted and final with two of three.
            NetworkWorkload.publish(network.conf, second);
            EpochFiller.completeEpochs(network.conf, NetworkConfiguration.EPOCH_SIZE);
            List<WorkloadMessage> both = new ArrayList<>(first);
            both.addAll(second);
            NetworkExpectation afterSecond = network.expectation(both);
            twoSigners = signersOfEveryEpoch(afterSecond, List.of(ccn1, ccn2));
            network.awaitAgreedState(afterSecond, twoSigners);
            network.assertAgreedState(afterSecond, twoSigners);
            network.assertProofs(afterSecond, twoSigners, sample(afterSecond.workloadValidHashes(), 3));
            Map<String, Map<String, String>> verdicts = new LinkedHashMap<>();
            Map<String, Map<String, List<String>>> leaves = new LinkedHashMap<>();
            for (String ccn : List.of(ccn1, ccn2)) {
                verdicts.put(ccn, afterSecond.honestVerdicts());
                leaves.put(ccn, afterSecond.honestLeaves());
            }
            network.awaitConsensusTopics(verdicts, leaves);
            network.assertConsensusTopics(afterSecond, verdicts, leaves);

            // All back: the third CCN catches up from the beginning and signs every epoch too.
            cluster.startCcn(ccn3);
            Map<String, Set<String>> threeSigners = signersOfEveryEpoch(afterSecond, network.keys.ids());
            verdicts.put(ccn3, afterSecond.honestVerdicts());
            leaves.put(ccn3, afterSecond.honestLeaves());
            network.awaitAgreedState(afterSecond, threeSigners);
            network.awaitConsensusTopics(verdicts, leaves);
            network.assertAgreedState(afterSecond, threeSigners);
            network.assertConsensusTopics(afterSecond, verdicts, leaves);
            network.assertRejectedTopicOncePerPublication(afterSecond);
            assertThat(network.store.notes()).as("consensus notes of honest CCNs").isEmpty();
            network.assertProofs(afterSecond, threeSigners, sample(afterSecond.workloadValidHashes(), 3));
        }
    }

    @Test
    @Order(3)
    void oneByzantineCcnAndForgedAttestationsChangeNothing(@TempDir Path work) throws Exception {
        try (Network network = Network.create("byzantine", 3);
                NetworkCluster cluster = NetworkCluster.start(network.conf, network.keys, work)) {
            String ccn1 = network.keys.id(1);
            String ccn2 = network.keys.id(2);
            String byzantine = network.keys.id(3);

            cluster.startAgreement();
            cluster.awaitCheckpointOfEveryJob(JOB_START);
            NetworkWorkload.publish(network.conf, WORKLOAD);
            EpochFiller.completeEpochs(network.conf, NetworkConfiguration.EPOCH_SIZE);
            NetworkExpectation expected = network.expectation(WORKLOAD);
            // Published before any CCN runs, so they come first in the partitions of their records.
            Forgeries forgeries = Forgeries.publish(network, expected);

            cluster.startCcn(ccn1);
            cluster.startCcn(ccn2);
            cluster.startCcn(byzantine, new NetworkByzantineVerdicts());

            Map<String, Set<String>> signers = signersWithoutTheByzantineWhereItLied(expected, network.keys.ids(), byzantine);
            network.awaitAgreedState(expected, signers);
            Map<String, Map<String, String>> verdicts = byzantineNetworkVerdicts(expected, network.keys.ids(), byzantine);
            Map<String, Map<String, List<String>>> leaves = byzantineNetworkLeaves(expected, network.keys.ids(), byzantine);
            network.awaitConsensusTopics(verdicts, leaves);

            network.assertAgreedState(expected, signers);
            network.assertSameStatusesAsTheHonestRun();
            network.assertConsensusTopics(expected, verdicts, leaves);
            network.assertRejectedTopicOncePerPublication(expected);
            network.assertNotesOfTheByzantine(expected, byzantine);
            List<String> proofSample = new ArrayList<>(sample(expected.workloadValidHashes(), 4));
            proofSample.add(aMessageInAnEpochWithBadInput(expected));
            network.assertProofs(expected, signers, proofSample);

            long records = expected.records().size();
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(cluster.consensusCounter(NetworkCluster.AGREEMENT, "attestationsCounted"))
                    .as("attestations counted").isEqualTo(3 * records);
            softly.assertThat(cluster.consensusCounter(NetworkCluster.AGREEMENT, "attestationsForged"))
                    .as("forged attestations ignored").isEqualTo(forgeries.forged());
            softly.assertThat(cluster.consensusCounter(NetworkCluster.AGREEMENT, "attestationsUnregistered"))
                    .as("unregistered attestations ignored").isEqualTo(forgeries.unregistered());
            softly.assertThat(cluster.consensusCounter(NetworkCluster.AGREEMENT, "attestationsDuplicated"))
                    .as("duplicated attestations").isZero();
            softly.assertThat(cluster.consensusCounter(NetworkCluster.AGREEMENT, "attestationDisagreements"))
                    .as("disagreements (the byzantine CCN on every bad input)")
                    .isEqualTo(expected.records().stream().filter(r -> expected.bad(r) != null).count());
            softly.assertThat(cluster.consensusCounter(NetworkCluster.AGREEMENT, "digestDivergences"))
                    .as("divergences (the byzantine CCN on every epoch with bad input)")
                    .isEqualTo(expected.epochsWithBadInput().size());
            softly.assertThat(cluster.consensusCounter(NetworkCluster.AGREEMENT, "digestsIgnored")).as("digests ignored").isZero();
            softly.assertAll();
        }
    }

    @Test
    @Order(4)
    void aByzantineNetworkWhoseAgreementAndOneCcnFailAndRestartLosesAndDoublesNothing(@TempDir Path work)
            throws Exception {
        try (Network network = Network.create("restart", 3, Network::restartOnceQuickly);
                NetworkCluster cluster = NetworkCluster.start(network.conf, network.keys, work)) {
            String ccn1 = network.keys.id(1);
            String ccn2 = network.keys.id(2);
            String byzantine = network.keys.id(3);
            Path agreementFailures = work.resolve("agreement-failures");
            Path ccnFailed = work.resolve("ccn-failed");

            cluster.startAgreement(source -> FailingSource.wrap(source, agreementFailures, 120));
            cluster.startCcn(ccn1, new NetworkFailOnceVerdicts(ccnFailed, 80));
            cluster.startCcn(ccn2);
            cluster.startCcn(byzantine, new NetworkByzantineVerdicts());
            cluster.awaitCheckpointOfEveryJob(JOB_START);

            NetworkWorkload.publish(network.conf, WORKLOAD);
            EpochFiller.completeEpochs(network.conf, NetworkConfiguration.EPOCH_SIZE);
            NetworkExpectation expected = network.expectation(WORKLOAD);
            Forgeries.publish(network, expected);

            Map<String, Set<String>> signers = signersWithoutTheByzantineWhereItLied(expected, network.keys.ids(), byzantine);
            network.awaitAgreedState(expected, signers);
            Map<String, Map<String, String>> verdicts = byzantineNetworkVerdicts(expected, network.keys.ids(), byzantine);
            Map<String, Map<String, List<String>>> leaves = byzantineNetworkLeaves(expected, network.keys.ids(), byzantine);
            network.awaitConsensusTopics(verdicts, leaves);
            NetworkAwait.until(SETTLE, () -> NetworkTopics.notYetConsumed(network.conf,
                    NetworkConfiguration.agreementGroup(network.conf), network.consensusTopics()));

            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(Files.exists(FailingSource.marker(agreementFailures, 0))).as("the agreement's raw source failed").isTrue();
            softly.assertThat(Files.exists(ccnFailed)).as(ccn1 + " failed").isTrue();
            softly.assertThat(cluster.jobGauge(NetworkCluster.AGREEMENT, "numRestarts")).as("restarts of the agreement")
                    .isEqualTo(1);
            softly.assertThat(cluster.jobGauge(ccn1, "numRestarts")).as("restarts of " + ccn1).isEqualTo(1);
            softly.assertThat(cluster.jobGauge(ccn2, "numRestarts")).as("restarts of " + ccn2).isZero();
            softly.assertThat(cluster.jobGauge(byzantine, "numRestarts")).as("restarts of " + byzantine).isZero();
            for (String job : List.of(NetworkCluster.AGREEMENT, ccn1, ccn2, byzantine)) {
                softly.assertThat(cluster.status(job)).as("status of " + job).isEqualTo(JobStatus.RUNNING);
            }
            softly.assertAll();

            network.assertAgreedState(expected, signers);
            network.assertSameStatusesAsTheHonestRun();
            network.assertConsensusTopics(expected, verdicts, leaves);
            network.assertRejectedTopicOncePerPublication(expected);
            network.assertNotesOfTheByzantine(expected, byzantine);
            network.assertProofs(expected, signers, sample(expected.workloadValidHashes(), 3));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Expectations shared by the scenarios

    private static Map<String, Set<String>> signersOfEveryEpoch(NetworkExpectation expected, List<String> ccns) {
        Map<String, Set<String>> signers = new TreeMap<>();
        expected.honestLeaves().keySet().forEach(epoch -> signers.put(epoch, new TreeSet<>(ccns)));
        return signers;
    }

    /** Every CCN signs every epoch, except the byzantine one where its leaves hold a bad input. */
    private static Map<String, Set<String>> signersWithoutTheByzantineWhereItLied(NetworkExpectation expected,
            List<String> ccns, String byzantine) {
        Map<String, Set<String>> signers = signersOfEveryEpoch(expected, ccns);
        expected.epochsWithBadInput().forEach(epoch -> signers.get(epoch).remove(byzantine));
        return signers;
    }

    private static Map<String, Map<String, String>> byzantineNetworkVerdicts(NetworkExpectation expected,
            List<String> ccns, String byzantine) {
        Map<String, Map<String, String>> verdicts = new LinkedHashMap<>();
        for (String ccn : ccns) {
            Map<String, String> own = expected.honestVerdicts();
            if (ccn.equals(byzantine)) {
                own.replaceAll((position, verdict) -> "valid");
            }
            verdicts.put(ccn, own);
        }
        return verdicts;
    }

    private static Map<String, Map<String, List<String>>> byzantineNetworkLeaves(NetworkExpectation expected,
            List<String> ccns, String byzantine) {
        Map<String, Map<String, List<String>>> leaves = new LinkedHashMap<>();
        for (String ccn : ccns) {
            leaves.put(ccn, ccn.equals(byzantine) ? expected.byzantineLeaves() : expected.honestLeaves());
        }
        return leaves;
    }

    /** A deterministic sample of item_hashes. */
    private static List<String> sample(Set<String> hashes, int size) {
        return hashes.stream().sorted().limit(size).toList();
    }

    private static String aMessageInAnEpochWithBadInput(NetworkExpectation expected) {
        Set<String> epochs = expected.epochsWithBadInput();
        return expected.records().stream()
                .filter(r -> expected.bad(r) == null && epochs.contains(expected.epochKey(r.partition(), r.offset())))
                .map(r -> RawTopicPublisher.itemHashOf(r.json()))
                .findFirst().orElseThrow(() -> new AssertionError("no epoch holds both bad input and a valid message"));
    }

    // ---------------------------------------------------------------------------------------------
    // One network under test: its configuration, keys, Cassandra session and checks

    private static final class Network implements AutoCloseable {

        final String scenario;
        final Configuration conf;
        final NetworkKeys keys;
        final CqlSession session;
        final NetworkStore store;

        private Network(String scenario, Configuration conf, NetworkKeys keys, CqlSession session) {
            this.scenario = scenario;
            this.conf = conf;
            this.keys = keys;
            this.session = session;
            this.store = new NetworkStore(session, CassandraOptions.keyspace(conf));
        }

        static Network create(String scenario, int ccns) {
            return create(scenario, ccns, conf -> { });
        }

        /** Creates the scenario's topics, keyspace and bucket. */
        static Network create(String scenario, int ccns, java.util.function.Consumer<Configuration> adjust) {
            Configuration conf = NetworkConfiguration.of(stack, scenario);
            adjust.accept(conf);
            Bootstrap.run(conf);
            return new Network(scenario, conf, NetworkKeys.of(scenario, ccns), CassandraSessions.open(conf));
        }

        static void restartOnceQuickly(Configuration conf) {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        }

        List<String> consensusTopics() {
            return List.of(conf.get(KafkaOptions.RAW_TOPIC), conf.get(KafkaOptions.ATTESTATIONS_TOPIC),
                    conf.get(KafkaOptions.DIGESTS_TOPIC));
        }

        NetworkExpectation expectation(List<WorkloadMessage> workload) {
            return new NetworkExpectation(workload, NetworkTopics.raw(conf), NetworkConfiguration.EPOCH_SIZE);
        }

        /**
         * Waits until every message has its final status, every bad input its rejection, and every
         * epoch its signers and their signature rows.
         */
        void awaitAgreedState(NetworkExpectation expected, Map<String, Set<String>> signers) throws InterruptedException {
            Map<String, String> finals = expected.finalEpochByHash();
            Map<String, Integer> rejected = expected.rejectedCodeByHash();
            Set<String> rejectionIds = expected.badRecordsByRejectionId().keySet();
            NetworkAwait.until(SETTLE, () -> {
                Map<String, NetworkStore.Status> statuses = store.statuses();
                long notFinal = finals.keySet().stream()
                        .filter(h -> !isStatus(statuses.get(h), MessageStatus.FINAL)).count();
                long notRejected = rejected.keySet().stream()
                        .filter(h -> !isStatus(statuses.get(h), MessageStatus.REJECTED)).count();
                Set<String> missingRejections = new HashSet<>(rejectionIds);
                missingRejections.removeAll(store.rejections().keySet());
                Map<String, NetworkStore.Epoch> epochs = store.epochs();
                Map<String, Set<String>> signatureCcns = signatureCcnsByEpoch();
                long epochsPending = signers.entrySet().stream()
                        .filter(e -> epochs.get(e.getKey()) == null
                                || !new TreeSet<>(epochs.get(e.getKey()).signers()).equals(e.getValue())
                                || !e.getValue().equals(signatureCcns.get(e.getKey())))
                        .count();
                return notFinal + notRejected + missingRejections.size() + epochsPending == 0 ? null
                        : String.format(Locale.ROOT, "%s: %d of %d messages not final, %d of %d bad inputs without a rejected "
                                + "status, %d of %d rejection records missing, %d of %d epochs without their signers",
                                scenario, notFinal, finals.size(), notRejected, rejected.size(), missingRejections.size(),
                                rejectionIds.size(), epochsPending, signers.size());
            });
        }

        private Map<String, Set<String>> signatureCcnsByEpoch() {
            Map<String, Set<String>> ccns = new HashMap<>();
            for (NetworkStore.Signature s : store.signatures()) {
                ccns.computeIfAbsent(s.partition() + ":" + s.start(), k -> new TreeSet<>()).add(s.ccn());
            }
            return ccns;
        }

        /** Waits until every running CCN has published its attestation of every record and its digest of every epoch. */
        void awaitConsensusTopics(Map<String, Map<String, String>> verdicts, Map<String, Map<String, List<String>>> leaves)
                throws InterruptedException {
            NetworkAwait.until(SETTLE, () -> {
                Map<String, List<Attestation>> attestations = NetworkTopics.attestationsByCcn(conf, keys);
                Map<String, List<EpochDigest>> digests = NetworkTopics.digestsByCcn(conf, keys);
                List<String> behind = new ArrayList<>();
                verdicts.forEach((ccn, expected) -> {
                    int published = attestations.getOrDefault(ccn, List.of()).size();
                    if (published < expected.size()) {
                        behind.add(ccn + " attested " + published + " of " + expected.size() + " records");
                    }
                });
                leaves.forEach((ccn, expected) -> {
                    int published = digests.getOrDefault(ccn, List.of()).size();
                    if (published < expected.size()) {
                        behind.add(ccn + " digested " + published + " of " + expected.size() + " epochs");
                    }
                });
                return behind.isEmpty() ? null : scenario + ": " + behind;
            });
        }

        void assertAgreedState(NetworkExpectation expected, Map<String, Set<String>> signers) {
            SoftAssertions softly = new SoftAssertions();
            Map<String, NetworkStore.Status> statuses = store.statuses();
            Map<String, String> finals = expected.finalEpochByHash();
            Map<String, Integer> rejected = expected.rejectedCodeByHash();
            finals.forEach((hash, epoch) -> {
                NetworkStore.Status status = statuses.get(hash);
                softly.assertThat(status).as("status of valid %s", hash).isNotNull();
                if (status != null) {
                    softly.assertThat(status.status()).as("status of valid %s", hash).isEqualTo(MessageStatus.FINAL.wire());
                    softly.assertThat(status.epoch()).as("epoch of %s", hash).isEqualTo(epoch);
                    softly.assertThat(status.errorCode()).as("error code of %s", hash).isNull();
                }
            });
            rejected.forEach((hash, code) -> {
                NetworkStore.Status status = statuses.get(hash);
                softly.assertThat(status).as("status of bad %s", hash).isNotNull();
                if (status != null) {
                    softly.assertThat(status.status()).as("status of bad %s", hash).isEqualTo(MessageStatus.REJECTED.wire());
                    softly.assertThat(status.errorCode()).as("error code of bad %s", hash).isEqualTo(code);
                    softly.assertThat(status.epoch()).as("epoch of bad %s", hash).isNull();
                }
            });
            Set<String> known = new HashSet<>(finals.keySet());
            known.addAll(rejected.keySet());
            softly.assertThat(statuses.keySet()).as("item_hashes with a status").containsExactlyInAnyOrderElementsOf(known);

            Map<String, NetworkStore.Rejection> rejections = store.rejections();
            Map<String, List<RawRecord>> bad = expected.badRecordsByRejectionId();
            softly.assertThat(rejections.keySet()).as("rejection records (one per bad input)")
                    .containsExactlyInAnyOrderElementsOf(bad.keySet());
            bad.forEach((id, records) -> {
                NetworkStore.Rejection row = rejections.get(id);
                WorkloadMessage input = expected.bad(records.get(0));
                if (row != null) {
                    softly.assertThat(row.errorCode()).as("code of rejection %s (%s)", id, input.kind())
                            .isEqualTo(input.expectedError().code());
                    softly.assertThat(row.itemHash()).as("item_hash of rejection %s", id).isEqualTo(input.itemHash());
                    softly.assertThat(row.partition() + ":" + row.offset()).as("position of rejection %s", id)
                            .isIn(records.stream().map(RawRecord::position).toList());
                }
            });

            Map<String, NetworkStore.Epoch> epochs = store.epochs();
            Map<String, List<String>> leaves = expected.honestLeaves();
            softly.assertThat(epochs.keySet()).as("final epochs").containsExactlyInAnyOrderElementsOf(signers.keySet());
            Map<String, Set<String>> signatureCcns = signatureCcnsByEpoch();
            for (NetworkStore.Signature s : store.signatures()) {
                NetworkStore.Epoch epoch = epochs.get(s.partition() + ":" + s.start());
                softly.assertThat(epoch).as("epoch of the signature of %s on %d:%d", s.ccn(), s.partition(), s.start())
                        .isNotNull();
                if (epoch != null) {
                    softly.assertThat(s.root()).as("root signed by %s on %s", s.ccn(), epoch.id()).isEqualTo(epoch.root());
                }
            }
            epochs.forEach((key, epoch) -> {
                softly.assertThat(epoch.leaves()).as("leaves of epoch %s", epoch.id()).isEqualTo(leaves.get(key));
                softly.assertThat(epoch.root()).as("root of epoch %s", epoch.id())
                        .isEqualTo(MerkleTree.root(leaves.getOrDefault(key, List.of())));
                softly.assertThat(epoch.end()).as("end of epoch %s", key)
                        .isEqualTo(epoch.start() + NetworkConfiguration.EPOCH_SIZE - 1);
                softly.assertThat(new TreeSet<>(epoch.signers())).as("signers of epoch %s", epoch.id())
                        .isEqualTo(signers.get(key));
                softly.assertThat(epoch.signers()).as("signers of epoch %s, each once", epoch.id()).doesNotHaveDuplicates();
                softly.assertThat(signatureCcns.get(key)).as("CCNs with a signature row for epoch %s", epoch.id())
                        .isEqualTo(signers.get(key));
            });
            softly.assertAll();
        }

        /**
         * Each CCN published exactly one attestation per raw record (read_committed), with the
         * expected verdict, and exactly one digest per epoch, with the expected leaves and root,
         * chained from genesis without a gap.
         */
        void assertConsensusTopics(NetworkExpectation expected, Map<String, Map<String, String>> verdicts,
                Map<String, Map<String, List<String>>> leaves) {
            Map<String, List<Attestation>> attestations = NetworkTopics.attestationsByCcn(conf, keys);
            Map<String, List<EpochDigest>> digests = NetworkTopics.digestsByCcn(conf, keys);
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(attestations.keySet()).as("CCNs that attested").containsExactlyInAnyOrderElementsOf(verdicts.keySet());
            softly.assertThat(digests.keySet()).as("CCNs that digested").containsExactlyInAnyOrderElementsOf(leaves.keySet());
            verdicts.forEach((ccn, byPosition) -> {
                Map<String, List<String>> said = new HashMap<>();
                for (Attestation a : attestations.getOrDefault(ccn, List.of())) {
                    said.computeIfAbsent(a.partition() + ":" + a.offset(), p -> new ArrayList<>())
                            .add(a.valid() ? "valid" : "invalid " + a.errorCode());
                }
                Map<String, List<String>> expectedSaid = new HashMap<>();
                byPosition.forEach((position, verdict) -> expectedSaid.put(position, List.of(verdict)));
                softly.assertThat(said).as("attestations of %s by record (exactly one each)", ccn).isEqualTo(expectedSaid);
            });
            leaves.forEach((ccn, byEpoch) -> {
                Map<String, List<EpochDigest>> own = digests.getOrDefault(ccn, List.of()).stream()
                        .collect(Collectors.groupingBy(d -> d.partition() + ":" + d.start(), TreeMap::new, Collectors.toList()));
                softly.assertThat(own.keySet()).as("epochs digested by %s", ccn).containsExactlyInAnyOrderElementsOf(byEpoch.keySet());
                Map<Integer, String> previousChain = new HashMap<>();
                own.values().stream().flatMap(List::stream)
                        .sorted(Comparator.comparingInt(EpochDigest::partition).thenComparingLong(EpochDigest::start))
                        .forEach(d -> {
                            String epoch = d.partition() + ":" + d.start();
                            softly.assertThat(own.get(epoch)).as("digests of %s for %s (exactly one)", ccn, epoch).hasSize(1);
                            List<String> expectedLeaves = byEpoch.getOrDefault(epoch, List.of());
                            softly.assertThat(d.leaves()).as("leaves of %s for %s", ccn, epoch)
                                    .isEqualTo(String.join(",", expectedLeaves));
                            softly.assertThat(d.root()).as("root of %s for %s", ccn, epoch).isEqualTo(MerkleTree.root(expectedLeaves));
                            softly.assertThat(d.previous()).as("previous chain of %s for %s", ccn, epoch)
                                    .isEqualTo(previousChain.getOrDefault(d.partition(), ConsensusTexts.GENESIS));
                            softly.assertThat(d.chain()).as("chain of %s for %s", ccn, epoch).isEqualTo(
                                    ConsensusTexts.chain(d.previous(), d.root(), d.partition(), d.start(), d.end()));
                            previousChain.put(d.partition(), d.chain());
                        });
            });
            softly.assertAll();
        }

        /** One record per publication of each bad input on the rejected topic (read_committed). */
        void assertRejectedTopicOncePerPublication(NetworkExpectation expected) throws Exception {
            Map<String, Long> expectedCounts = new HashMap<>();
            expected.badRecordsByRejectionId().forEach((id, records) -> expectedCounts.put(id, (long) records.size()));
            long publications = expectedCounts.values().stream().mapToLong(Long::longValue).sum();
            NetworkAwait.until(SETTLE, () -> {
                long records = NetworkTopics.rejectedTopicCounts(conf).values().stream().mapToLong(Long::longValue).sum();
                return records >= publications ? null
                        : scenario + ": " + records + " of " + publications + " rejections on the rejected topic";
            });
            assertThat(NetworkTopics.rejectedTopicCounts(conf)).as("records per rejection_id on the rejected topic")
                    .isEqualTo(expectedCounts);
        }

        /** What the byzantine CCN said differently is recorded, and nothing about the honest ones. */
        void assertNotesOfTheByzantine(NetworkExpectation expected, String byzantine) throws InterruptedException {
            Set<List<String>> expectedNotes = new HashSet<>();
            for (RawRecord record : expected.records()) {
                WorkloadMessage bad = expected.bad(record);
                if (bad != null) {
                    expectedNotes.add(Arrays.asList(byzantine, "disagreement", record.position(), bad.itemHash(), "valid",
                            "invalid " + bad.expectedError().code()));
                }
            }
            Map<String, List<String>> honest = expected.honestLeaves();
            Map<String, List<String>> lies = expected.byzantineLeaves();
            for (String epoch : expected.epochsWithBadInput()) {
                expectedNotes.add(Arrays.asList(byzantine, "divergence", expected.epochIdOfKey(epoch), null,
                        MerkleTree.root(lies.get(epoch)), MerkleTree.root(honest.get(epoch))));
            }
            NetworkAwait.until(SETTLE, () -> store.notes().size() >= expectedNotes.size() ? null
                    : scenario + ": " + store.notes().size() + " of " + expectedNotes.size() + " consensus notes");
            Set<List<String>> notes = store.notes().stream()
                    .map(n -> Arrays.asList(n.ccn(), n.kind(), n.subject(), n.itemHash(), n.ccnSays(), n.agreed()))
                    .collect(Collectors.toSet());
            assertThat(notes).as("consensus notes (ccn, kind, subject, item_hash, ccn says, agreed)")
                    .containsExactlyInAnyOrderElementsOf(expectedNotes);
        }

        /** The workload's statuses equal the honest run's (when it ran in this JVM). */
        void assertSameStatusesAsTheHonestRun() {
            if (honestStatuses == null) {
                return; // run alone: assertAgreedState compared the statuses with the expectation
            }
            assertThat(workloadStatuses()).as("status and error code of every workload item_hash, against the honest run")
                    .isEqualTo(honestStatuses);
        }

        Map<String, List<Object>> workloadStatuses() {
            Map<String, NetworkStore.Status> statuses = store.statuses();
            Map<String, List<Object>> byHash = new TreeMap<>();
            for (WorkloadMessage m : WORKLOAD) {
                if (m.itemHash() != null) {
                    NetworkStore.Status s = statuses.get(m.itemHash());
                    byHash.put(m.itemHash(), s == null ? null : Arrays.asList(s.status(), s.errorCode()));
                }
            }
            return byHash;
        }

        /**
         * {@code bin/aleph proof} holds for each sampled final message, with and without the
         * network's members; it fails against another network's members and for a rejected
         * message; and the proof built from the rows has a valid path and one good signature per
         * expected signer.
         */
        void assertProofs(NetworkExpectation expected, Map<String, Set<String>> signers, List<String> hashes) throws Exception {
            Map<String, String> finals = expected.finalEpochByHash();
            Map<String, NetworkStore.Epoch> epochs = store.epochs();
            List<NetworkStore.Signature> signatures = store.signatures();
            Membership members = Membership.parse(keys.members(), "majority", "");
            SoftAssertions softly = new SoftAssertions();
            for (String hash : hashes) {
                String epochId = finals.get(hash);
                String epochKey = epochId.substring(0, epochId.indexOf('-'));
                int expectedSigners = signers.get(epochKey).size();

                NetworkProofs.ProofRun plain = NetworkProofs.runProofCommand(conf, hash, null);
                softly.assertThat(plain.exitCode()).as("bin/aleph proof %s", hash).isZero();
                if (plain.output() != null) {
                    softly.assertThat(plain.output().path("holds").asBoolean()).as("holds, %s", hash).isTrue();
                    softly.assertThat(plain.output().path("epochId").asText())
                            .as("epoch of the proof of %s", hash).isEqualTo(epochId);
                }
                NetworkProofs.ProofRun withMembers = NetworkProofs.runProofCommand(conf, hash, keys.members());
                softly.assertThat(withMembers.exitCode()).as("bin/aleph proof %s with the members", hash).isZero();
                if (withMembers.output() != null) {
                    softly.assertThat(withMembers.output().path("member_signatures").asLong())
                            .as("member signatures in the proof of %s", hash).isEqualTo(expectedSigners);
                    softly.assertThat(withMembers.output().path("majority").asInt()).as("majority").isEqualTo(2);
                    for (JsonNode signature : withMembers.output().path("signatures")) {
                        softly.assertThat(signature.path("byMember").asBoolean())
                                .as("%s's signature checked against the members, %s", signature.path("ccn").asText(), hash)
                                .isTrue();
                    }
                }
                NetworkProofs.ProofRun strangers = NetworkProofs.runProofCommand(conf, hash, strangerMembers());
                softly.assertThat(strangers.exitCode()).as("bin/aleph proof %s with another network's members", hash)
                        .isEqualTo(1);

                InclusionProof proof = NetworkProofs.fromRows(epochs.get(epochKey), signatures, hash, members);
                softly.assertThat(proof.pathValid()).as("Merkle path of %s", hash).isTrue();
                softly.assertThat(proof.index()).as("leaf index of %s", hash)
                        .isEqualTo(expected.honestLeaves().get(epochKey).indexOf(hash));
                softly.assertThat(proof.memberSignatures()).as("member signatures of %s", hash).isEqualTo(expectedSigners);
                for (InclusionProof.Signature s : proof.signatures()) {
                    softly.assertThat(s.wellFormed()).as("signature of %s on %s", s.ccn(), epochId).isTrue();
                    softly.assertThat(s.byMember()).as("%s's registered key signed %s", s.ccn(), epochId).isTrue();
                    softly.assertThat(s.signer()).as("signer of %s's signature", s.ccn()).isEqualToIgnoringCase(keys.identity(s.ccn()));
                }
            }
            String rejectedHash = expected.rejectedCodeByHash().keySet().stream().sorted().findFirst().orElseThrow();
            softly.assertThat(NetworkProofs.runProofCommand(conf, rejectedHash, null).exitCode())
                    .as("bin/aleph proof of a rejected message").isEqualTo(1);
            softly.assertAll();
        }

        /** The same ids with keys of the same kinds, none of them the network's. */
        private String strangerMembers() {
            return keys.ids().stream().map(ccn -> ccn + "=" + CcnKey.parse(keys.foreignKeyLike(ccn)).identity())
                    .collect(Collectors.joining(","));
        }

        @Override
        public void close() {
            session.close();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Forged attestations

    /**
     * Attestations anyone could publish, that would change the outcome if they counted: a bad
     * input attested valid, and valid messages attested invalid, in the name of registered CCNs
     * but signed with a key outside the set (secp256k1, and for the Ed25519 CCN also Ed25519), with
     * a key of the other kind, or unsigned; the same from CCNs outside the set, properly signed with
     * their own keys; and records that are not attestations at all.
     */
    private record Forgeries(long forged, long unregistered) {

        static Forgeries publish(Network network, NetworkExpectation expected) throws Exception {
            CcnKey forger = CcnKey.parse(network.keys.foreignKey("forger"));
            CcnKey ed25519Forger = CcnKey.parse(network.keys.foreignEd25519Key("forger"));
            String ed25519Ccn = network.keys.id(NetworkKeys.ED25519_CCN);
            String rogue = network.scenario + "-rogue";
            CcnKey rogueKey = CcnKey.parse(network.keys.foreignKey(rogue));
            List<Attestation> attestations = new ArrayList<>();
            long forged = 0;
            long unregistered = 0;
            int validSampled = 0;
            for (RawRecord record : expected.records()) {
                WorkloadMessage bad = expected.bad(record);
                String hash = bad != null ? bad.itemHash()
                        : RawTopicPublisher.itemHashOf(record.json());
                if (bad != null) {
                    for (String ccn : List.of(network.keys.id(1), network.keys.id(2))) {
                        attestations.add(signed(forger, ccn, record, hash, true, null));
                        forged++;
                    }
                    // Published first, so had either counted, the Ed25519 CCN's own attestation would be a duplicate.
                    attestations.add(signed(ed25519Forger, ed25519Ccn, record, hash, true, null));
                    attestations.add(signed(forger, ed25519Ccn, record, hash, true, null));
                    forged += 2;
                    attestations.add(signed(rogueKey, rogue, record, hash, true, null));
                    unregistered++;
                } else if (validSampled++ < 20) {
                    for (String ccn : List.of(network.keys.id(1), network.keys.id(2))) {
                        attestations.add(signed(forger, ccn, record, hash, false, ErrorCode.INVALID_SIGNATURE.code()));
                        forged++;
                    }
                    Attestation unsigned = new Attestation(network.keys.id(3), record.partition(), record.offset(), hash,
                            false, ErrorCode.INVALID_SIGNATURE.code(), "0xdeadbeef");
                    attestations.add(unsigned);
                    forged++;
                    attestations.add(signed(rogueKey, rogue, record, hash, false, ErrorCode.INVALID_SIGNATURE.code()));
                    unregistered++;
                }
            }
            NetworkTopics.publishToAttestations(network.conf, attestations, List.of("not an attestation", "{\"ccn\": 7"));
            return new Forgeries(forged, unregistered);
        }

        private static Attestation signed(CcnKey key, String ccn, RawRecord record, String hash, boolean valid, Integer code) {
            Attestation unsigned = new Attestation(ccn, record.partition(), record.offset(), hash, valid, code, null);
            return new Attestation(ccn, record.partition(), record.offset(), hash, valid, code,
                    key.sign(ConsensusTexts.attestation(unsigned)));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Latency from publishing to final

    /** Publish-to-status latencies of the measured messages, from the rows the agreement wrote. */
    private record Latency(List<Long> toProcessedMillis, List<Long> toFinalMillis) {

        /**
         * Publication time: messages.received_at (the raw record's Kafka timestamp). Processed:
         * the first processed or final status in status_history. Final: message_status.updated_at
         * of the final status.
         */
        static Latency measure(NetworkStore store, Set<String> hashes) {
            Map<String, Instant> published = store.receivedAt();
            Map<String, NetworkStore.Status> statuses = store.statuses();
            Map<String, List<NetworkStore.HistoryEntry>> history = store.history();
            List<Long> toProcessed = new ArrayList<>();
            List<Long> toFinal = new ArrayList<>();
            for (String hash : hashes) {
                Instant at = published.get(hash);
                NetworkStore.Status status = statuses.get(hash);
                if (at == null || status == null || !MessageStatus.FINAL.wire().equals(status.status())) {
                    continue;
                }
                toFinal.add(Duration.between(at, status.updatedAt()).toMillis());
                history.getOrDefault(hash, List.of()).stream()
                        .filter(e -> e.status().equals(MessageStatus.PROCESSED.wire()) || e.status().equals(MessageStatus.FINAL.wire()))
                        .map(NetworkStore.HistoryEntry::updatedAt).min(Comparator.naturalOrder())
                        .ifPresent(processed -> toProcessed.add(Duration.between(at, processed).toMillis()));
            }
            Collections.sort(toProcessed);
            Collections.sort(toFinal);
            return new Latency(toProcessed, toFinal);
        }

        int finalCount() {
            return toFinalMillis.size();
        }

        String toProcessed() {
            return describe(toProcessedMillis);
        }

        String toFinal() {
            return describe(toFinalMillis);
        }

        private static String describe(List<Long> sorted) {
            if (sorted.isEmpty()) {
                return "none measured";
            }
            return String.format(Locale.ROOT, "median %d ms, p99 %d ms, max %d ms (n=%d)",
                    percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1), sorted.size());
        }

        private static long percentile(List<Long> sorted, int p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
        }
    }

    private static boolean isStatus(NetworkStore.Status status, MessageStatus expected) {
        return status != null && expected.wire().equals(status.status());
    }
}
