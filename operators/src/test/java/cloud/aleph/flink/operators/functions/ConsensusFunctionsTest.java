package cloud.aleph.flink.operators.functions;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.consensus.CcnKey;
import cloud.aleph.flink.operators.consensus.ConsensusTexts;
import cloud.aleph.flink.operators.consensus.Membership;
import cloud.aleph.flink.operators.consensus.MerkleTree;
import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.model.Attestation;
import cloud.aleph.flink.operators.model.ConsensusNote;
import cloud.aleph.flink.operators.model.EpochDigest;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.FinalEpoch;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.RecordBody;
import cloud.aleph.flink.operators.model.SourcePartitions;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.signing.DemoKeys;
import cloud.aleph.flink.operators.signing.EthereumSigner;
import cloud.aleph.flink.operators.signing.MessageBuilder;
import cloud.aleph.flink.operators.signing.SmartContractMessages;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.executiongraph.ExecutionAttemptID;
import org.apache.flink.runtime.metrics.groups.TaskManagerMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskMetricGroup;
import org.apache.flink.runtime.metrics.util.TestingMetricRegistry;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

/** The consensus operators: attestations counted into a quorum, epochs digested and finalised, with secp256k1 and Ed25519 node keys. */
class ConsensusFunctionsTest {

    private static final String[] KEYS = {"11".repeat(32), "22".repeat(32), "33".repeat(32)};
    private static final String OUTSIDER = "44".repeat(32);
    private static final Membership MEMBERS = Membership.parse(
            "ccn-1=" + CcnKey.parse(KEYS[0]).identity() + ",ccn-2=" + CcnKey.parse(KEYS[1]).identity()
                    + ",ccn-3=" + CcnKey.parse(KEYS[2]).identity(), "majority", "");
    /** ccn-3 of the mixed network has an Ed25519 node key. */
    private static final String ED25519_KEY = "ed25519:" + "55".repeat(32);
    private static final String ED25519_OUTSIDER = "ed25519:" + "66".repeat(32);
    private static final Membership MIXED = Membership.parse(
            "ccn-1=" + CcnKey.parse(KEYS[0]).identity() + ",ccn-2=" + CcnKey.parse(KEYS[1]).identity()
                    + ",ccn-3=" + CcnKey.parse(ED25519_KEY).identity(), "majority", "");

    private static RawMessage raw(String json, long offset) {
        return new RawMessage(0, offset, 1_000L, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String signedPost(int n) {
        EthereumSigner signer = DemoKeys.ethereum(0);
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("address", signer.address());
        content.put("time", 1_700_000_000.0 + n);
        content.put("type", "note");
        content.putObject("content").put("n", n);
        return MessageBuilder.of(cloud.aleph.flink.operators.model.MessageType.POST, content).time(1_700_000_000.0 + n).build(signer);
    }

    private static Attestation attest(int ccn, String key, Verdict verdict) throws Exception {
        AttestFunction function = new AttestFunction("ccn-" + ccn, key);
        function.open(null);
        return function.map(verdict);
    }

    private static RecordBody body(RawMessage raw) throws Exception {
        RecordBodyFunction function = new RecordBodyFunction();
        function.open(null);
        return function.map(raw);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, RecordBody, Attestation, Verdict> quorum() throws Exception {
        return quorum(MEMBERS);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, RecordBody, Attestation, Verdict> quorum(Membership members)
            throws Exception {
        var harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new QuorumFunction(members, "bouncycastle", Duration.ofDays(1))),
                RecordBody::recordKey, (Attestation a) -> a.partition() + ":" + a.offset(), Types.STRING);
        harness.open();
        return harness;
    }

    @Test
    void aMessageIsAcceptedOnceAQuorumOfRegisteredCcnsSaysValid() throws Exception {
        RawMessage record = raw(signedPost(1), 7);
        Verdict verdict = Verdict.accept(body(record).parsed().accepted());
        try (var harness = quorum()) {
            harness.processElement1(body(record), 0);
            harness.processElement2(attest(1, KEYS[0], verdict), 0);
            assertThat(harness.extractOutputValues()).as("one of three is not a quorum").isEmpty();

            harness.processElement2(attest(1, KEYS[0], verdict), 0); // the same CCN again
            harness.processElement2(attest(2, OUTSIDER, verdict), 0); // ccn-2's name, another key
            harness.processElement2(attest(9, KEYS[2], verdict), 0); // not a member
            assertThat(harness.extractOutputValues()).as("duplicates, forgeries and strangers count for nothing").isEmpty();

            harness.processElement2(attest(3, KEYS[2], verdict), 0);
            assertThat(harness.extractOutputValues()).singleElement()
                    .satisfies(agreed -> assertThat(agreed.accepted().itemHash()).isEqualTo(verdict.accepted().itemHash()));

            harness.processElement2(attest(2, KEYS[1], Verdict.reject(rejectionOf(verdict))), 0);
            assertThat(harness.extractOutputValues()).as("decided once").hasSize(1);
            assertThat(side(harness, QuorumFunction.NOTES)).singleElement().satisfies(note -> {
                assertThat(note.kind()).isEqualTo(ConsensusNote.Kind.DISAGREEMENT);
                assertThat(note.ccn()).isEqualTo("ccn-2");
            });
        }
    }

    @Test
    void aMessageIsRejectedWhenAcceptanceBecomesImpossible() throws Exception {
        RawMessage record = raw(signedPost(2), 8);
        Verdict accepted = Verdict.accept(body(record).parsed().accepted());
        Verdict invalid = Verdict.reject(rejectionOf(accepted));
        try (var harness = quorum()) {
            harness.processElement2(attest(1, KEYS[0], invalid), 0);
            harness.processElement2(attest(2, KEYS[1], invalid), 0);
            assertThat(harness.extractOutputValues()).as("the body has not arrived").isEmpty();

            harness.processElement1(body(record), 0);

            assertThat(harness.extractOutputValues()).singleElement().satisfies(agreed -> {
                assertThat(agreed.isAccepted()).isFalse();
                assertThat(agreed.rejected().errorCode()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
                assertThat(agreed.rejected().rejectionId())
                        .isEqualTo(ItemHashes.sha256Hex(record.payload()));
            });
        }
    }

    @Test
    void epochsAreCutByOffsetAndChained() throws Exception {
        List<Verdict> verdicts = new ArrayList<>();
        for (int offset = 0; offset < 7; offset++) {
            verdicts.add(body(raw(offset == 4 ? "not json" : signedPost(10 + offset), offset)).parsed());
        }
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new EpochDigestFunction("ccn-1", KEYS[0], 3)),
                (Verdict v) -> 0, Types.INT);
        harness.open();
        for (Verdict verdict : verdicts) {
            harness.processElement(verdict, 0);
        }
        List<EpochDigest> digests = harness.extractOutputValues();
        harness.close();

        assertThat(digests).extracting(EpochDigest::start, EpochDigest::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 2L), org.assertj.core.groups.Tuple.tuple(3L, 5L));
        assertThat(digests.get(1).leaves().split(",")).hasSize(2); // offset 4 was rejected
        assertThat(digests.get(0).previous()).isEqualTo(ConsensusTexts.GENESIS);
        assertThat(digests.get(1).previous()).isEqualTo(digests.get(0).chain());
        assertThat(digests.get(0).root()).isEqualTo(MerkleTree.root(List.of(digests.get(0).leaves().split(","))));
    }

    @Test
    void theAgreementReadsAnUnsignedMessageAsAMessageOnlyFromTheTrustedInput() throws Exception {
        byte[] json = SmartContractMessages.post(DemoKeys.ethereum(0).address(), 1_700_000_000.0, "contract")
                .getBytes(StandardCharsets.UTF_8);

        RecordBody trusted = body(new RawMessage(SourcePartitions.trusted(0), 5L, 1_000L, json));
        RecordBody raw = body(new RawMessage(SourcePartitions.raw(0), 5L, 1_000L, json));

        assertThat(trusted.parsed().isAccepted()).as("%s", trusted.parsed().rejected()).isTrue();
        assertThat(trusted.recordKey()).isEqualTo("1000000:5");
        assertThat(raw.parsed().rejected().errorCode()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        assertThat(raw.parsed().rejected().reason()).isEqualTo("Missing signature");
        assertThat(raw.recordKey()).isEqualTo("0:5");
    }

    @Test
    void aTrustedPartitionHasEpochsOfItsOwnOverTheSameOffsets() throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new EpochDigestFunction("ccn-1", KEYS[0], 3)),
                (Verdict v) -> v.accepted().partition(), Types.INT);
        harness.open();
        List<String> rawLeaves = new ArrayList<>();
        List<String> trustedLeaves = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            Verdict signed = body(raw(signedPost(20 + offset), offset)).parsed();
            byte[] unsigned = SmartContractMessages.post(DemoKeys.ethereum(1).address(), 1_700_000_000.0 + offset, "n" + offset)
                    .getBytes(StandardCharsets.UTF_8);
            Verdict contract = body(new RawMessage(SourcePartitions.trusted(0), offset, 1_000L, unsigned)).parsed();
            rawLeaves.add(signed.accepted().itemHash());
            trustedLeaves.add(contract.accepted().itemHash());
            harness.processElement(signed, 0);
            harness.processElement(contract, 0);
        }
        List<EpochDigest> digests = harness.extractOutputValues();
        harness.close();

        assertThat(digests).extracting(EpochDigest::partition, EpochDigest::start, EpochDigest::end, EpochDigest::leaves,
                        EpochDigest::previous)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 0L, 2L, String.join(",", rawLeaves), ConsensusTexts.GENESIS),
                        org.assertj.core.groups.Tuple.tuple(SourcePartitions.TRUSTED_BASE, 0L, 2L,
                                String.join(",", trustedLeaves), ConsensusTexts.GENESIS));
        assertThat(digests.get(1).chain()).isEqualTo(ConsensusTexts.chain(ConsensusTexts.GENESIS,
                MerkleTree.root(trustedLeaves), SourcePartitions.TRUSTED_BASE, 0L, 2L));
    }

    @Test
    void anEpochIsFinalWhenAMajoritySignsTheSameRootAndADivergentCcnIsRecorded() throws Exception {
        List<String> leaves = List.of(ItemHashes.sha256Hex("a"), ItemHashes.sha256Hex("b"));
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new FinalityFunction(MEMBERS, "bouncycastle")),
                (EpochDigest d) -> d.partition() + ":" + d.start(), Types.STRING);
        harness.open();
        harness.processElement(digest("ccn-3", KEYS[2], List.of(ItemHashes.sha256Hex("forged"))), 0);
        harness.processElement(digest("ccn-1", KEYS[0], leaves), 0);
        harness.processElement(digest("ccn-2", OUTSIDER, leaves), 0); // forged signature
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processElement(digest("ccn-2", KEYS[1], leaves), 0);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(epoch -> {
            assertThat(epoch.root()).isEqualTo(MerkleTree.root(leaves));
            assertThat(epoch.signers()).isEqualTo("ccn-1,ccn-2");
        });
        assertThat(side(harness, FinalityFunction.NOTES)).singleElement().satisfies(note -> {
            assertThat(note.kind()).isEqualTo(ConsensusNote.Kind.DIVERGENCE);
            assertThat(note.ccn()).isEqualTo("ccn-3");
            // the epoch id, as in message_status.epoch and FinalEpoch.id()
            assertThat(note.subject()).isEqualTo("0:0-99");
            assertThat(note.ccnSays()).isEqualTo(MerkleTree.root(List.of(ItemHashes.sha256Hex("forged"))));
            assertThat(note.agreed()).isEqualTo(MerkleTree.root(leaves));
        });
        harness.close();
    }

    @Test
    void anEd25519CcnsAttestationsCountTowardTheQuorumAndItsForgeriesDoNot() throws Exception {
        RawMessage record = raw(signedPost(3), 9);
        Verdict verdict = Verdict.accept(body(record).parsed().accepted());
        try (var harness = quorum(MIXED)) {
            harness.processElement1(body(record), 0);
            harness.processElement2(attest(1, KEYS[0], verdict), 0);
            harness.processElement2(attest(3, ED25519_OUTSIDER, verdict), 0); // ccn-3's name, another ed25519 key
            harness.processElement2(attest(3, KEYS[2], verdict), 0); // ccn-3's name, a secp256k1 signature
            harness.processElement2(withSignature(attest(3, ED25519_KEY, verdict), null), 0);
            harness.processElement2(withSignature(attest(3, ED25519_KEY, verdict), "0x1234"), 0);
            harness.processElement2(withSignature(attest(3, ED25519_KEY, verdict), "not hex"), 0);
            harness.processElement2(attest(9, ED25519_KEY, verdict), 0); // the key, under an id outside the set
            Attestation forOtherRecord = attest(3, ED25519_KEY, Verdict.accept(body(raw(signedPost(4), 9)).parsed().accepted()));
            harness.processElement2(new Attestation("ccn-3", 0, 9, verdict.accepted().itemHash(), true, null,
                    forOtherRecord.signature()), 0); // ccn-3's signature of another record, replayed
            assertThat(harness.extractOutputValues()).as("forged, malformed and foreign attestations count for nothing")
                    .isEmpty();

            // Counted, not a duplicate: none of the forgeries above took ccn-3's vote.
            harness.processElement2(attest(3, ED25519_KEY, verdict), 0);

            assertThat(harness.extractOutputValues()).singleElement()
                    .satisfies(agreed -> assertThat(agreed.accepted().itemHash()).isEqualTo(verdict.accepted().itemHash()));
        }
    }

    @Test
    void anEd25519CcnsInvalidAttestationHelpsReject() throws Exception {
        RawMessage record = raw(signedPost(5), 10);
        Verdict accepted = Verdict.accept(body(record).parsed().accepted());
        Verdict invalid = Verdict.reject(rejectionOf(accepted));
        try (var harness = quorum(MIXED)) {
            harness.processElement1(body(record), 0);
            harness.processElement2(attest(1, KEYS[0], accepted), 0);
            harness.processElement2(attest(2, KEYS[1], invalid), 0);
            harness.processElement2(attest(3, ED25519_OUTSIDER, invalid), 0);
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processElement2(attest(3, ED25519_KEY, invalid), 0);

            assertThat(harness.extractOutputValues()).singleElement().satisfies(agreed -> {
                assertThat(agreed.isAccepted()).isFalse();
                assertThat(agreed.rejected().errorCode()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
            });
            assertThat(side(harness, QuorumFunction.NOTES)).singleElement()
                    .satisfies(note -> assertThat(note.ccn()).isEqualTo("ccn-1"));
        }
    }

    @Test
    void anEd25519CcnSignsFinalEpochsAndItsForgedDigestsAreIgnoredAndCounted() throws Exception {
        List<String> leaves = List.of(ItemHashes.sha256Hex("c"), ItemHashes.sha256Hex("d"));
        List<Registered> registered = new CopyOnWriteArrayList<>();
        TestingMetricRegistry registry = TestingMetricRegistry.builder()
                .setRegisterConsumer((metric, name, group) -> registered.add(new Registered(name, metric)))
                .build();
        TaskMetricGroup taskGroup = TaskManagerMetricGroup.createTaskManagerMetricGroup(registry, "localhost", ResourceID.generate())
                .addJob(new JobID(), "finality-test")
                .addTask(ExecutionAttemptID.randomId(), "finality");
        try (MockEnvironment environment = new MockEnvironmentBuilder().setMetricGroup(taskGroup).build();
                var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new FinalityFunction(MIXED, "bouncycastle")),
                        (EpochDigest d) -> d.partition() + ":" + d.start(), Types.STRING, environment)) {
            harness.open();
            harness.processElement(digest("ccn-3", ED25519_OUTSIDER, leaves), 0);
            harness.processElement(digest("ccn-3", KEYS[2], leaves), 0);
            harness.processElement(withSignature(digest("ccn-3", ED25519_KEY, leaves), "0x" + "00".repeat(64)), 0);
            harness.processElement(withSignature(digest("ccn-3", ED25519_KEY, leaves), null), 0);
            harness.processElement(digest("ccn-1", KEYS[0], leaves), 0);
            assertThat(harness.extractOutputValues()).as("ccn-1 alone is not a majority").isEmpty();

            harness.processElement(digest("ccn-3", ED25519_KEY, leaves), 0);

            assertThat(harness.extractOutputValues()).singleElement().satisfies(epoch -> {
                assertThat(epoch.root()).isEqualTo(MerkleTree.root(leaves));
                assertThat(epoch.signers()).isEqualTo("ccn-1,ccn-3");
            });
            assertThat(side(harness, FinalityFunction.SIGNATURES)).extracting(EpochDigest::ccn)
                    .containsExactlyInAnyOrder("ccn-1", "ccn-3");
            assertThat(counter(registered, "digestsIgnored")).isEqualTo(4);
            assertThat(counter(registered, "digestDivergences")).isZero();
        }
    }

    @Test
    void anEd25519CcnAttestsAndDigestsWithItsOwnKey() throws Exception {
        Verdict verdict = body(raw(signedPost(6), 2)).parsed();
        Attestation attestation = attest(3, ED25519_KEY, verdict);
        assertThat(attestation.signature()).matches("0x[0-9a-f]{128}");
        assertThat(MIXED.signedBy("ccn-3", ConsensusTexts.attestation(attestation), attestation.signature(),
                new cloud.aleph.flink.operators.crypto.EvmVerifier())).isTrue();

        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new EpochDigestFunction("ccn-3", ED25519_KEY, 3)),
                (Verdict v) -> 0, Types.INT);
        harness.open();
        harness.processElement(verdict, 0);
        List<EpochDigest> digests = harness.extractOutputValues();
        harness.close();
        assertThat(digests).singleElement().satisfies(d -> assertThat(MIXED.signedBy("ccn-3", ConsensusTexts.digest(d),
                d.signature(), new cloud.aleph.flink.operators.crypto.EvmVerifier())).isTrue());
    }

    @Test
    void aBadNodeKeyFailsWhenTheJobIsBuilt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AttestFunction("ccn-1", "ed25519:1234"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ed25519 node key");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EpochDigestFunction("ccn-1", "ed25519:1234", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ed25519 node key");
    }

    private record Registered(String name, Metric metric) {}

    private static long counter(List<Registered> registered, String name) {
        List<Registered> matches = registered.stream().filter(r -> r.name().equals(name)).toList();
        assertThat(matches).as("counter %s", name).hasSize(1);
        return ((Counter) matches.get(0).metric()).getCount();
    }

    private static Attestation withSignature(Attestation a, String signature) {
        return new Attestation(a.ccn(), a.partition(), a.offset(), a.itemHash(), a.valid(), a.errorCode(), signature);
    }

    private static EpochDigest withSignature(EpochDigest d, String signature) {
        return new EpochDigest(d.ccn(), d.partition(), d.start(), d.end(), d.leaves(), d.root(), d.previous(), d.chain(),
                signature);
    }

    private static EpochDigest digest(String ccn, String key, List<String> leaves) {
        String root = MerkleTree.root(leaves);
        String chain = ConsensusTexts.chain(ConsensusTexts.GENESIS, root, 0, 0, 99);
        EpochDigest unsigned = new EpochDigest(ccn, 0, 0, 99, String.join(",", leaves), root, ConsensusTexts.GENESIS, chain, null);
        return new EpochDigest(ccn, 0, 0, 99, unsigned.leaves(), root, unsigned.previous(), chain,
                CcnKey.parse(key).sign(ConsensusTexts.digest(unsigned)));
    }

    private static cloud.aleph.flink.operators.model.Rejection rejectionOf(Verdict accepted) {
        var m = accepted.accepted();
        return new cloud.aleph.flink.operators.model.Rejection("x", m.itemHash(), ErrorCode.INVALID_SIGNATURE, "bad",
                m.sender(), "ETH", "POST", "", 0, m.partition(), m.offset(), 0L);
    }

    private static <T> List<T> side(org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness<?> harness, OutputTag<T> tag) {
        List<T> values = new ArrayList<>();
        var records = harness.getSideOutput(tag);
        if (records != null) {
            for (StreamRecord<T> record : records) {
                values.add(record.getValue());
            }
        }
        return values;
    }
}
