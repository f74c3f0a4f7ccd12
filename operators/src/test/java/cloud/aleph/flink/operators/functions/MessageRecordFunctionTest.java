package cloud.aleph.flink.operators.functions;

import static cloud.aleph.flink.operators.state.StateFixtures.OWNER;
import static cloud.aleph.flink.operators.state.StateFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.AcceptedCopy;
import cloud.aleph.flink.operators.model.FinalMark;
import cloud.aleph.flink.operators.model.ForgottenRecord;
import cloud.aleph.flink.operators.model.MessageEvent;
import cloud.aleph.flink.operators.model.MessageRowChange;
import cloud.aleph.flink.operators.model.MessageStatus;
import cloud.aleph.flink.operators.model.StateDecision;
import cloud.aleph.flink.operators.model.StatusUpdate;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageRecordFunctionTest {

    private final VerifiedMessage message = post(OWNER, 100, "blog", null, "{}");
    private final String hash = message.itemHash();
    private KeyedOneInputStreamOperatorTestHarness<String, MessageEvent, StatusUpdate> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new MessageRecordFunction()), MessageEvent::itemHash, Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void aKeptCopyIsAcceptedThenProcessedWithItsRowsThenForgottenWithout() throws Exception {
        harness.processElement(MessageEvent.of(new AcceptedCopy(message, 1L, null, null)), 0);
        harness.processElement(MessageEvent.of(decision(MessageStatus.PROCESSED, null, null)), 0);
        harness.processElement(MessageEvent.of(decision(MessageStatus.FORGOTTEN, null, "f1,f2")), 0);

        List<StatusUpdate> statuses = harness.extractOutputValues();
        assertThat(statuses).extracting(StatusUpdate::status)
                .containsExactly(MessageStatus.ACCEPTED, MessageStatus.PROCESSED, MessageStatus.FORGOTTEN);
        assertThat(statuses).extracting(StatusUpdate::version).isSorted().doesNotHaveDuplicates();
        List<MessageRowChange> rows = side(MessageRecordFunction.MESSAGE_ROWS);
        assertThat(rows).extracting(MessageRowChange::remove).containsExactly(false, true);
        assertThat(rows.get(1).version()).isGreaterThan(rows.get(0).version());
        assertThat(side(MessageRecordFunction.FORGOTTEN)).singleElement().satisfies(record -> {
            assertThat(record.forgottenBy()).isEqualTo("f1,f2");
            assertThat(record.remove()).isFalse();
            assertThat(record.owner()).isEqualTo(OWNER);
        });
    }

    @Test
    void aRejectionAtVerificationShowsUntilAValidCopyArrives() throws Exception {
        harness.processElement(MessageEvent.of(new StatusUpdate(hash, MessageStatus.REJECTED, 1, "bad signature", 5L, 0L)), 0);
        harness.processElement(MessageEvent.of(new AcceptedCopy(message, 9L, null, null)), 0);

        assertThat(harness.extractOutputValues()).extracting(StatusUpdate::status, StatusUpdate::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MessageStatus.REJECTED, 1),
                        org.assertj.core.groups.Tuple.tuple(MessageStatus.ACCEPTED, null));
        assertThat(side(MessageRecordFunction.MESSAGE_ROWS)).as("rows only for processed messages").isEmpty();
    }

    @Test
    void aReplacingCopyRewritesTheRowsAndNamesTheCopyItReplaces() throws Exception {
        harness.processElement(MessageEvent.of(new AcceptedCopy(message, 1L, null, null)), 0);
        harness.processElement(MessageEvent.of(decision(MessageStatus.PROCESSED, null, null)), 0);
        VerifiedMessage smaller = new VerifiedMessage(hash, message.chain(), message.sender(), message.type(),
                message.itemType(), message.itemContent(), "0xaaa", 90.0, null, message.owner(), message.contentTime(),
                message.size(), 0, 1L, 0L);
        harness.processElement(MessageEvent.of(new AcceptedCopy(smaller, 2L, null, null)), 0);

        List<MessageRowChange> rows = side(MessageRecordFunction.MESSAGE_ROWS);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).message()).isEqualTo(smaller);
        assertThat(rows.get(1).replaced()).isEqualTo(message);
        assertThat(harness.extractOutputValues()).as("the status does not change").hasSize(2);
    }

    @Test
    void aRetractedMessageLosesItsRows() throws Exception {
        harness.processElement(MessageEvent.of(new AcceptedCopy(message, 1L, null, null)), 0);
        harness.processElement(MessageEvent.of(decision(MessageStatus.PROCESSED, null, null)), 0);
        harness.processElement(MessageEvent.of(decision(MessageStatus.REJECTED, 2, "authorization revoked")), 0);

        assertThat(side(MessageRecordFunction.MESSAGE_ROWS)).extracting(MessageRowChange::remove).containsExactly(false, true);
        assertThat(harness.extractOutputValues()).last().satisfies(status -> {
            assertThat(status.status()).isEqualTo(MessageStatus.REJECTED);
            assertThat(status.errorCode()).isEqualTo(2);
        });
    }

    @Test
    void aFinalEpochBeforeTheCopyShowsNothingUntilTheMessageIsProcessedThenFinal() throws Exception {
        harness.processElement(MessageEvent.of(new FinalMark(hash, "0:0-99")), 0);
        assertThat(harness.extractOutputValues()).as("nothing known about the message itself yet").isEmpty();

        harness.processElement(MessageEvent.of(new AcceptedCopy(message, 1L, null, null)), 0);
        harness.processElement(MessageEvent.of(decision(MessageStatus.PROCESSED, null, null)), 0);

        assertThat(harness.extractOutputValues()).extracting(StatusUpdate::status, StatusUpdate::epoch)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MessageStatus.ACCEPTED, null),
                        org.assertj.core.groups.Tuple.tuple(MessageStatus.FINAL, "0:0-99"));
        assertThat(side(MessageRecordFunction.MESSAGE_ROWS)).as("a final message has its rows").hasSize(1);
    }

    @Test
    void aForgetDecisionThatOvertakesTheCopyGetsItsForgottenRecordWhenTheCopyArrives() throws Exception {
        // The decision comes through the owner's state, the copy straight from the status operator:
        // on a loaded job either can reach the record operator first.
        harness.processElement(MessageEvent.of(decision(MessageStatus.FORGOTTEN, null, "f1")), 0);
        assertThat(side(MessageRecordFunction.FORGOTTEN)).as("no copy yet: nothing to describe").isEmpty();

        harness.processElement(MessageEvent.of(new AcceptedCopy(message, 1L, null, null)), 0);

        assertThat(harness.extractOutputValues()).extracting(StatusUpdate::status).containsExactly(MessageStatus.FORGOTTEN);
        assertThat(side(MessageRecordFunction.FORGOTTEN)).singleElement().satisfies(record -> {
            assertThat(record.forgottenBy()).isEqualTo("f1");
            assertThat(record.remove()).isFalse();
            assertThat(record.owner()).isEqualTo(OWNER);
            assertThat(record.sender()).isEqualTo(message.sender());
            assertThat(record.version()).isGreaterThan(harness.extractOutputValues().get(0).version());
        });
        assertThat(side(MessageRecordFunction.MESSAGE_ROWS)).as("a forgotten message has no rows").isEmpty();
    }

    @Test
    void aReplacingCopyOfAForgottenMessageRewritesItsForgottenRecord() throws Exception {
        harness.processElement(MessageEvent.of(new AcceptedCopy(message, 1L, null, null)), 0);
        harness.processElement(MessageEvent.of(decision(MessageStatus.FORGOTTEN, null, "f1")), 0);
        VerifiedMessage smaller = new VerifiedMessage(hash, message.chain(), message.sender(), message.type(),
                message.itemType(), message.itemContent(), "0xaaa", 90.0, "OTHER", message.owner(), message.contentTime(),
                message.size(), 0, 1L, 0L);
        harness.processElement(MessageEvent.of(new AcceptedCopy(smaller, 2L, null, null)), 0);
        harness.processElement(MessageEvent.of(new AcceptedCopy(smaller, 3L, null, null)), 0);

        List<ForgottenRecord> records = side(MessageRecordFunction.FORGOTTEN);
        assertThat(records).as("written for the first copy, rewritten once for the copy that replaced it").hasSize(2);
        assertThat(records.get(1).channel()).isEqualTo("OTHER");
        assertThat(records.get(1).time()).isEqualTo(90.0);
        assertThat(records.get(1).version()).isGreaterThan(records.get(0).version());
    }

    @Test
    void aMessageNoLongerForgottenLosesItsForgottenRecord() throws Exception {
        harness.processElement(MessageEvent.of(new AcceptedCopy(message, 1L, null, null)), 0);
        harness.processElement(MessageEvent.of(decision(MessageStatus.FORGOTTEN, null, "f1")), 0);
        harness.processElement(MessageEvent.of(decision(MessageStatus.PROCESSED, null, null)), 0);

        assertThat(side(MessageRecordFunction.FORGOTTEN)).extracting(ForgottenRecord::remove).containsExactly(false, true);
    }

    private StateDecision decision(MessageStatus status, Integer code, String forgottenBy) {
        return new StateDecision(hash, status, code, code == null ? null : "reason", forgottenBy);
    }

    private <T> List<T> side(OutputTag<T> tag) {
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
