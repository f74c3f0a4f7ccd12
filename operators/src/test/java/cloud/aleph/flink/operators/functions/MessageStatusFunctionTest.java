package cloud.aleph.flink.operators.functions;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.AcceptedCopy;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.MessageStatus;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.StatusUpdate;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageStatusFunctionTest {

    private static final String HASH = "a".repeat(64);

    private KeyedOneInputStreamOperatorTestHarness<String, Verdict, AcceptedCopy> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = newHarness(null);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Verdict, AcceptedCopy> newHarness(Duration retention)
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new MessageStatusFunction(retention)), Verdict::itemHash, Types.STRING);
    }

    @Test
    void firstValidCopyIsKeptWithoutAStatusOfItsOwn() throws Exception {
        harness.processElement(accepted("sig-b", 10.0, "TEST", 1_000), 0);

        assertThat(copies()).singleElement().satisfies(copy -> {
            assertThat(copy.message().signature()).isEqualTo("sig-b");
            assertThat(copy.supersedesAnotherCopy()).isFalse();
            assertThat(copy.version()).isEqualTo(1_000_000L);
        });
        assertThat(statuses()).as("the agreed state decides the status of an accepted message").isEmpty();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void exactDuplicateAndLargerCopiesChangeNothing() throws Exception {
        harness.processElement(accepted("sig-b", 10.0, "TEST", 1_000), 0);
        harness.processElement(accepted("sig-b", 10.0, "TEST", 2_000), 0);
        harness.processElement(accepted("sig-c", 10.0, "TEST", 3_000), 0);
        harness.processElement(accepted("sig-b", 11.0, "TEST", 4_000), 0);

        assertThat(copies()).hasSize(1);
        assertThat(statuses()).isEmpty();
    }

    @Test
    void smallerLateCopyReplacesTheKeptOneAndRetiresItsBySenderRow() throws Exception {
        harness.processElement(accepted("sig-b", 10.0, "TEST", 1_000), 0);
        harness.processElement(accepted("sig-b", 9.0, "TEST", 2_000), 0);

        List<AcceptedCopy> copies = copies();
        assertThat(copies).hasSize(2);
        AcceptedCopy replacement = copies.get(1);
        assertThat(replacement.message().time()).isEqualTo(9.0);
        assertThat(replacement.supersededSender()).isEqualTo("0xsender");
        assertThat(replacement.supersededTime()).isEqualTo(10.0);
        assertThat(replacement.version()).isGreaterThan(copies.get(0).version());
        assertThat(statuses()).isEmpty();
    }

    @Test
    void copyDifferingOnlyByChannelKeepsTheBySenderRow() throws Exception {
        harness.processElement(accepted("sig-b", 10.0, "TEST", 1_000), 0);
        harness.processElement(accepted("sig-b", 10.0, null, 2_000), 0);

        AcceptedCopy replacement = copies().get(1);
        assertThat(replacement.message().channel()).isNull();
        assertThat(replacement.supersedesAnotherCopy()).isFalse();
    }

    @Test
    void rejectionNeverDowngradesAnAcceptedMessageButIsRecorded() throws Exception {
        harness.processElement(accepted("sig-b", 10.0, "TEST", 1_000), 0);
        harness.processElement(rejected("r1", ErrorCode.INVALID_SIGNATURE, 2_000), 0);

        assertThat(statuses()).as("no rejection status once a valid copy is there").isEmpty();
        assertThat(rejections()).extracting(Rejection::rejectionId).containsExactly("r1");
    }

    @Test
    void validCopyAfterARejectionIsKept() throws Exception {
        harness.processElement(rejected("r1", ErrorCode.INVALID_SIGNATURE, 1_000), 0);
        harness.processElement(accepted("sig-b", 10.0, "TEST", 1_000), 0);

        List<StatusUpdate> statuses = statuses();
        assertThat(statuses).extracting(StatusUpdate::status).containsExactly(MessageStatus.REJECTED);
        assertThat(statuses.get(0).errorCode()).isEqualTo(1);
        assertThat(copies()).singleElement().satisfies(copy ->
                assertThat(copy.version()).isGreaterThan(statuses.get(0).version()));
    }

    @Test
    void onlyRejectedCopiesShowTheSmallestRejectionWhateverTheOrder() throws Exception {
        harness.processElement(rejected("r2", ErrorCode.INVALID_FORMAT, 1_000), 0);
        harness.processElement(rejected("r1", ErrorCode.INVALID_SIGNATURE, 2_000), 0);
        harness.processElement(rejected("r3", ErrorCode.INVALID_FORMAT, 3_000), 0);

        assertThat(lastStatus().errorCode()).isEqualTo(ErrorCode.INVALID_SIGNATURE.code());
        assertThat(rejections()).hasSize(3);
    }

    @Test
    void outcomeDoesNotDependOnArrivalOrder() throws Exception {
        List<Verdict> verdicts = List.of(
                rejected("r5", ErrorCode.INVALID_FORMAT, 1_000),
                accepted("sig-c", 12.0, "A", 1_100),
                accepted("sig-b", 11.0, "B", 1_200),
                accepted("sig-b", 11.0, null, 1_300),
                accepted("sig-b", 11.0, "B", 1_400),
                rejected("r2", ErrorCode.INVALID_SIGNATURE, 1_500));
        Outcome expected = null;
        Random random = new Random(7);
        for (int round = 0; round < 30; round++) {
            List<Verdict> shuffled = new ArrayList<>(verdicts);
            Collections.shuffle(shuffled, random);
            try (KeyedOneInputStreamOperatorTestHarness<String, Verdict, AcceptedCopy> h = newHarness(null)) {
                h.open();
                for (Verdict verdict : shuffled) {
                    h.processElement(verdict, 0);
                }
                Outcome outcome = Outcome.of(h);
                if (expected == null) {
                    expected = outcome;
                }
                assertThat(outcome).as("order %s", shuffled).isEqualTo(expected);
            }
        }
        assertThat(expected.signature()).isEqualTo("sig-b");
        assertThat(expected.channel()).isNull();
        assertThat(expected.rejections()).isEqualTo(2);
    }

    @Test
    void stateSurvivesASnapshotAndRestore() throws Exception {
        harness.processElement(accepted("sig-b", 10.0, "TEST", 1_000), 0);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = newHarness(null);
        harness.initializeState(snapshot);
        harness.open();
        harness.processElement(accepted("sig-b", 10.0, "TEST", 2_000), 0);

        assertThat(copies()).as("the duplicate after restore is dropped").isEmpty();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void retentionForgetsOldStatusesAndVersionsStillGrow() throws Exception {
        harness.close();
        harness = newHarness(Duration.ofMinutes(1));
        harness.open();
        harness.setStateTtlProcessingTime(0);
        harness.processElement(rejected("r1", ErrorCode.INVALID_FORMAT, 5_000), 0);
        long firstVersion = lastStatus().version();

        harness.setStateTtlProcessingTime(Duration.ofMinutes(2).toMillis());
        harness.processElement(accepted("sig-b", 10.0, "TEST", 9_000), 0);

        assertThat(copies()).singleElement().satisfies(copy ->
                assertThat(copy.version()).isGreaterThan(firstVersion));
    }

    private List<AcceptedCopy> copies() {
        return harness.extractOutputValues();
    }

    private List<StatusUpdate> statuses() {
        return sideOutput(harness, MessageStatusFunction.STATUS_UPDATES);
    }

    private List<Rejection> rejections() {
        return sideOutput(harness, MessageStatusFunction.REJECTIONS);
    }

    private StatusUpdate lastStatus() {
        return statuses().stream().max(Comparator.comparingLong(StatusUpdate::version)).orElseThrow();
    }

    private static <T> List<T> sideOutput(
            KeyedOneInputStreamOperatorTestHarness<String, Verdict, AcceptedCopy> h,
            org.apache.flink.util.OutputTag<T> tag) {
        List<T> values = new ArrayList<>();
        var records = h.getSideOutput(tag);
        if (records != null) {
            for (StreamRecord<T> record : records) {
                values.add(record.getValue());
            }
        }
        return values;
    }

    /** The final effect of a run: the last status and the last stored copy, by version. */
    private record Outcome(MessageStatus status, Integer errorCode, String signature, double time, String channel, int rejections) {
        static Outcome of(KeyedOneInputStreamOperatorTestHarness<String, Verdict, AcceptedCopy> h) {
            List<AcceptedCopy> copies = h.extractOutputValues();
            AcceptedCopy copy = copies.stream().max(Comparator.comparingLong(AcceptedCopy::version)).orElseThrow();
            int rejections = (int) sideOutput(h, MessageStatusFunction.REJECTIONS).stream()
                    .map(Rejection::rejectionId).distinct().count();
            return new Outcome(MessageStatus.ACCEPTED, null, copy.message().signature(),
                    copy.message().time(), copy.message().channel(), rejections);
        }
    }

    private static Verdict accepted(String signature, double time, String channel, long receivedMillis) {
        return Verdict.accept(new VerifiedMessage(HASH, Chain.ETH, "0xsender", MessageType.POST, ItemType.INLINE,
                "{}", signature, time, channel, "0xsender", 1.0, 2, 0, 0L, receivedMillis));
    }

    private static Verdict rejected(String rejectionId, ErrorCode code, long receivedMillis) {
        return Verdict.reject(new Rejection(rejectionId, HASH, code, "because", "0xsender", "ETH", "POST",
                "{}", 2, 0, 0L, receivedMillis));
    }
}
