package cloud.aleph.flink.operators.functions;

import static cloud.aleph.flink.operators.state.StateFixtures.OWNER;
import static cloud.aleph.flink.operators.state.StateFixtures.copy;
import static cloud.aleph.flink.operators.state.StateFixtures.forget;
import static cloud.aleph.flink.operators.state.StateFixtures.message;
import static cloud.aleph.flink.operators.state.StateFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.AcceptedCopy;
import cloud.aleph.flink.operators.model.MessageStatus;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.model.StateDecision;
import cloud.aleph.flink.operators.model.StateRowChange;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import cloud.aleph.flink.operators.model.VolumeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OwnerStateFunctionTest {

    private static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final Duration DEBOUNCE = Duration.ofMillis(100);

    private KeyedTwoInputStreamOperatorTestHarness<String, AcceptedCopy, VolumeEvent, StateDecision> harness;
    private OwnerStateFunction function;
    private long now;

    @BeforeEach
    void setUp() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private KeyedTwoInputStreamOperatorTestHarness<String, AcceptedCopy, VolumeEvent, StateDecision> newHarness()
            throws Exception {
        function = new OwnerStateFunction(MAX_WAIT, DEBOUNCE);
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(function),
                copy -> copy.message().owner(), VolumeEvent::owner, Types.STRING);
    }

    @Test
    void changesWithinTheDelayShareOneEvaluation() throws Exception {
        VerifiedMessage original = post(OWNER, 100, "blog", null, "{\"v\":0}");
        VerifiedMessage amend = post(OWNER, 110, "amend", original.itemHash(), "{\"v\":1}");
        harness.processElement1(copy(amend), 0);
        harness.processElement1(copy(original), 0);
        assertThat(harness.extractOutputValues()).as("nothing before the delay").isEmpty();

        advance(DEBOUNCE.toMillis());

        assertThat(latestDecisions()).containsEntry(original.itemHash(), MessageStatus.PROCESSED)
                .containsEntry(amend.itemHash(), MessageStatus.PROCESSED);
        Map<String, StateRowChange> rows = latestRows();
        assertThat(rows).containsOnlyKeys("POST:" + original.itemHash());
        assertThat(rows.get("POST:" + original.itemHash()).payload()).contains("\"latest\":\"" + amend.itemHash() + "\"");
    }

    @Test
    void aWaitingMessageIsPendingThenRejectedThenProcessedWhenItsDependencyComes() throws Exception {
        VerifiedMessage original = post(OWNER, 100, "blog", null, "{}");
        VerifiedMessage amend = post(OWNER, 110, "amend", original.itemHash(), "{}");
        harness.processElement1(copy(amend), 0);
        advance(DEBOUNCE.toMillis());
        assertThat(latestDecisions()).containsEntry(amend.itemHash(), MessageStatus.PENDING);
        assertThat(latestRows()).containsKey("PENDING:" + amend.itemHash());
        assertThat(function.messagesWaiting()).as("the waiting-messages gauge").isEqualTo(1);

        advance(MAX_WAIT.toMillis());
        assertThat(latestDecisions()).containsEntry(amend.itemHash(), MessageStatus.REJECTED);
        assertThat(latestRows()).as("an expired wait is no longer pending").isEmpty();
        assertThat(function.messagesWaiting()).isZero();
        assertThat(lastDecision(amend.itemHash()).errorCode()).isEqualTo(101);

        harness.processElement1(copy(original), 0);
        advance(DEBOUNCE.toMillis());
        assertThat(latestDecisions()).containsEntry(amend.itemHash(), MessageStatus.PROCESSED);
    }

    @Test
    void aForgetDeletesThePostRowAndForgetsTheMessage() throws Exception {
        VerifiedMessage original = post(OWNER, 100, "blog", null, "{}");
        harness.processElement1(copy(original), 0);
        advance(DEBOUNCE.toMillis());
        VerifiedMessage forget = forget(OWNER, 200, original.itemHash());
        harness.processElement1(copy(forget), 0);
        advance(DEBOUNCE.toMillis());

        StateDecision forgotten = lastDecision(original.itemHash());
        assertThat(forgotten.status()).isEqualTo(MessageStatus.FORGOTTEN);
        assertThat(forgotten.forgottenBy()).isEqualTo(forget.itemHash());
        StateRowChange deletion = latestRows().get("POST:" + original.itemHash());
        assertThat(deletion.deleted()).isTrue();
        assertThat(deletion.previous()).contains("\"type\":\"blog\"");
    }

    @Test
    void aVmWaitsForItsVolumesUntilTheIndexAnswers() throws Exception {
        String runtime = "c".repeat(64);
        VerifiedMessage vm = message(MessageType.PROGRAM, OWNER, "{\"address\":\"" + OWNER + "\",\"time\":5,"
                + "\"allow_amend\":false,\"code\":{\"encoding\":\"zip\",\"entrypoint\":\"main\",\"ref\":\"" + runtime
                + "\",\"use_latest\":true},\"type\":\"vm-function\"}");
        harness.processElement1(copy(vm), 0);
        advance(DEBOUNCE.toMillis());
        assertThat(lastDecision(vm.itemHash()).errorCode()).isEqualTo(301);

        harness.processElement2(VolumeEvent.request(runtime, true, vm.itemHash(), OWNER).answer(), 0);
        advance(DEBOUNCE.toMillis());

        assertThat(lastDecision(vm.itemHash()).status()).isEqualTo(MessageStatus.PROCESSED);
        assertThat(latestRows()).containsKey("VM:" + vm.itemHash());
    }

    @Test
    void stateAndPendingTimersSurviveASnapshot() throws Exception {
        VerifiedMessage original = post(OWNER, 100, "blog", null, "{}");
        VerifiedMessage amend = post(OWNER, 110, "amend", original.itemHash(), "{}");
        harness.processElement1(copy(amend), 0);
        advance(DEBOUNCE.toMillis());
        OperatorSubtaskState snapshot = harness.snapshot(1L, now);
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        harness.setProcessingTime(now);
        harness.processElement1(copy(original), 0);
        advance(DEBOUNCE.toMillis());

        assertThat(latestDecisions()).containsEntry(amend.itemHash(), MessageStatus.PROCESSED)
                .containsEntry(original.itemHash(), MessageStatus.PROCESSED);
    }

    private void advance(long millis) throws Exception {
        now += millis;
        harness.setProcessingTime(now);
    }

    private StateDecision lastDecision(String hash) {
        StateDecision last = null;
        for (StateDecision decision : harness.extractOutputValues()) {
            if (decision.itemHash().equals(hash)) {
                last = decision;
            }
        }
        return last;
    }

    private Map<String, MessageStatus> latestDecisions() {
        Map<String, MessageStatus> latest = new LinkedHashMap<>();
        for (StateDecision decision : harness.extractOutputValues()) {
            latest.put(decision.itemHash(), decision.status());
        }
        return latest;
    }

    /** The last change of each row, deleted rows included (as changes whose payload is null), minus pending rows no longer there. */
    private Map<String, StateRowChange> latestRows() {
        Map<String, StateRowChange> latest = new LinkedHashMap<>();
        List<StateRowChange> changes = new ArrayList<>();
        var side = harness.getSideOutput(OwnerStateFunction.ROWS);
        if (side != null) {
            for (StreamRecord<StateRowChange> record : side) {
                changes.add(record.getValue());
            }
        }
        for (StateRowChange change : changes) {
            latest.put(change.kind() + ":" + change.key(), change);
        }
        latest.values().removeIf(change -> change.deleted() && change.kind() == StateRowChange.Kind.PENDING);
        return latest;
    }
}
