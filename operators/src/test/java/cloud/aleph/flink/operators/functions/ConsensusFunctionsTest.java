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
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

/** The consensus operators: attestations counted into a quorum, epochs digested and finalised. */
class ConsensusFunctionsTest {

    private static final String[] KEYS = {"11".repeat(32), "22".repeat(32), "33".repeat(32)};
    private static final String OUTSIDER = "44".repeat(32);
    private static final Membership MEMBERS = Membership.parse(
            "ccn-1=" + new CcnKey(KEYS[0]).address() + ",ccn-2=" + new CcnKey(KEYS[1]).address()
                    + ",ccn-3=" + new CcnKey(KEYS[2]).address(), "majority", "");

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
        var harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new QuorumFunction(MEMBERS, "bouncycastle", Duration.ofDays(1))),
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

    private static EpochDigest digest(String ccn, String key, List<String> leaves) {
        String root = MerkleTree.root(leaves);
        String chain = ConsensusTexts.chain(ConsensusTexts.GENESIS, root, 0, 0, 99);
        EpochDigest unsigned = new EpochDigest(ccn, 0, 0, 99, String.join(",", leaves), root, ConsensusTexts.GENESIS, chain, null);
        return new EpochDigest(ccn, 0, 0, 99, unsigned.leaves(), root, unsigned.previous(), chain,
                new CcnKey(key).sign(ConsensusTexts.digest(unsigned)));
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
