package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.model.AcceptedCopy;
import cloud.aleph.flink.operators.model.MessageStatus;
import cloud.aleph.flink.operators.model.StateDecision;
import cloud.aleph.flink.operators.model.StateRowChange;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import cloud.aleph.flink.operators.model.VolumeEvent;
import cloud.aleph.flink.operators.state.Decision;
import cloud.aleph.flink.operators.state.MessageFacts;
import cloud.aleph.flink.operators.state.OwnerStateEvaluator;
import cloud.aleph.flink.operators.state.OwnerView;
import cloud.aleph.flink.operators.state.StateRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The agreed state of one owner (keyed by content.address): keeps the owner's accepted messages
 * and the files its VMs were told exist, re-evaluates the owner's view with
 * {@link OwnerStateEvaluator} shortly after each change, and emits what changed: a decision per
 * message whose status changed (main output) and the rows that changed ({@link #ROWS}).
 *
 * <p>Because the view is recomputed from the set of messages, the result does not depend on their
 * arrival order. Messages that wait on a dependency are pending until {@code maxWait} has passed
 * since they started waiting, then rejected with the code they wait on; they stay in state and
 * are processed if the dependency arrives later.
 */
public class OwnerStateFunction extends KeyedCoProcessFunction<String, AcceptedCopy, VolumeEvent, StateDecision> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<StateRowChange> ROWS = new OutputTag<>("state-rows") {};

    private static final int FACTS_CACHE_SIZE = 20_000;

    private final long maxWaitMillis;
    private final long debounceMillis;

    private transient MapState<String, VerifiedMessage> messages;
    private transient MapState<String, Boolean> volumes;
    private transient MapState<String, String> rows;
    private transient MapState<String, String> decisions;
    private transient MapState<String, Long> waitingSince;
    private transient ValueState<Long> version;
    private transient ValueState<Long> evaluationTimer;
    private transient Map<String, MessageFacts> factsCache;
    private transient Counter evaluations;
    private transient Counter decisionsChanged;
    private transient Counter waitsExpired;
    private transient WaitingMessages waitingMessages;

    /**
     * @param maxWait how long a message waits for a missing dependency before it is rejected
     * @param debounce how long after a change the owner's view is recomputed (changes within it share one evaluation)
     */
    public OwnerStateFunction(Duration maxWait, Duration debounce) {
        this.maxWaitMillis = maxWait.toMillis();
        this.debounceMillis = Math.max(1, debounce.toMillis());
    }

    @Override
    public void open(OpenContext openContext) {
        messages = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("messages", Types.STRING, Types.POJO(VerifiedMessage.class)));
        volumes = getRuntimeContext().getMapState(new MapStateDescriptor<>("volumes", Types.STRING, Types.BOOLEAN));
        rows = getRuntimeContext().getMapState(new MapStateDescriptor<>("rows", Types.STRING, Types.STRING));
        decisions = getRuntimeContext().getMapState(new MapStateDescriptor<>("decisions", Types.STRING, Types.STRING));
        waitingSince = getRuntimeContext().getMapState(new MapStateDescriptor<>("waiting-since", Types.STRING, Types.LONG));
        version = getRuntimeContext().getState(new ValueStateDescriptor<>("row-version", Types.LONG));
        evaluationTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("evaluation-timer", Types.LONG));
        factsCache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MessageFacts> eldest) {
                return size() > FACTS_CACHE_SIZE;
            }
        };
        evaluations = getRuntimeContext().getMetricGroup().counter("ownerEvaluations");
        decisionsChanged = getRuntimeContext().getMetricGroup().counter("stateDecisions");
        waitsExpired = getRuntimeContext().getMetricGroup().counter("waitsExpired");
        waitingMessages = new WaitingMessages();
        getRuntimeContext().getMetricGroup().gauge("messagesWaiting", (Gauge<Long>) waitingMessages::total);
    }

    @Override
    public void processElement1(AcceptedCopy copy, Context ctx, Collector<StateDecision> out) throws Exception {
        messages.put(copy.message().itemHash(), copy.message());
        scheduleEvaluation(ctx.timerService().currentProcessingTime(), ctx);
    }

    @Override
    public void processElement2(VolumeEvent answer, Context ctx, Collector<StateDecision> out) throws Exception {
        volumes.put(answer.ref() + "|" + answer.useLatest(), true);
        scheduleEvaluation(ctx.timerService().currentProcessingTime(), ctx);
    }

    /** Messages waiting on a dependency on this subtask, as the {@code messagesWaiting} gauge reports them. */
    long messagesWaiting() {
        return waitingMessages.total();
    }

    private void scheduleEvaluation(long now, Context ctx) throws Exception {
        if (evaluationTimer.value() == null) {
            long at = now + debounceMillis;
            ctx.timerService().registerProcessingTimeTimer(at);
            evaluationTimer.update(at);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<StateDecision> out) throws Exception {
        Long scheduled = evaluationTimer.value();
        if (scheduled != null && scheduled <= timestamp) {
            evaluationTimer.clear();
        }
        evaluate(ctx.getCurrentKey(), ctx.timerService().currentProcessingTime(), ctx, out);
    }

    private void evaluate(String owner, long now, OnTimerContext ctx, Collector<StateDecision> out) throws Exception {
        evaluations.inc();
        List<MessageFacts> facts = new ArrayList<>();
        for (VerifiedMessage message : messages.values()) {
            facts.add(factsOf(message));
        }
        java.util.Set<String> knownVolumes = new java.util.HashSet<>();
        volumes.keys().forEach(knownVolumes::add);
        OwnerView view = OwnerStateEvaluator.evaluate(owner, facts,
                ref -> knownVolumes.contains(ref.ref() + "|" + ref.useLatest()));

        Map<String, StateRows.Waiting> waiting = new HashMap<>();
        long nextExpiry = Long.MAX_VALUE;
        for (Map.Entry<String, Decision> entry : view.decisions().entrySet()) {
            String hash = entry.getKey();
            Decision decision = entry.getValue();
            MessageStatus status = decision.status();
            if (decision.isWaiting()) {
                Long since = waitingSince.get(hash);
                if (since == null) {
                    since = now;
                    waitingSince.put(hash, since);
                }
                long expiry = since + maxWaitMillis;
                if (now >= expiry) {
                    status = MessageStatus.REJECTED;
                    if (!MessageStatus.REJECTED.name().equals(statusOf(decisions.get(hash)))) {
                        waitsExpired.inc();
                    }
                } else {
                    nextExpiry = Math.min(nextExpiry, expiry);
                    waiting.put(hash, new StateRows.Waiting(decision.errorCode().code(), decision.reason(), since));
                }
            } else {
                waitingSince.remove(hash);
            }
            StateDecision emitted = new StateDecision(hash, status,
                    decision.errorCode() == null ? null : decision.errorCode().code(),
                    decision.reason(),
                    decision.forgottenBy().isEmpty() ? null : String.join(",", decision.forgottenBy()));
            String encoded = encode(emitted);
            if (!encoded.equals(decisions.get(hash))) {
                decisions.put(hash, encoded);
                out.collect(emitted);
                decisionsChanged.inc();
            }
        }
        waitingMessages.set(owner, waiting.size());
        emitRowChanges(owner, StateRows.of(view, waiting), now, ctx);
        if (nextExpiry != Long.MAX_VALUE) {
            ctx.timerService().registerProcessingTimeTimer(nextExpiry);
        }
    }

    private void emitRowChanges(String owner, Map<String, String> current, long now, OnTimerContext ctx) throws Exception {
        long rowVersion = -1;
        List<String> gone = new ArrayList<>();
        for (String id : rows.keys()) {
            if (!current.containsKey(id)) {
                gone.add(id);
            }
        }
        for (String id : gone) {
            rowVersion = rowVersion < 0 ? nextVersion(now) : rowVersion;
            ctx.output(ROWS, new StateRowChange(
                    StateRows.kindOf(id), owner, StateRows.keyOf(id), null, rows.get(id), rowVersion));
            rows.remove(id);
        }
        for (Map.Entry<String, String> row : current.entrySet()) {
            String previous = rows.get(row.getKey());
            if (!row.getValue().equals(previous)) {
                rowVersion = rowVersion < 0 ? nextVersion(now) : rowVersion;
                ctx.output(ROWS, new StateRowChange(StateRows.kindOf(row.getKey()), owner, StateRows.keyOf(row.getKey()),
                        row.getValue(), previous, rowVersion));
                rows.put(row.getKey(), row.getValue());
            }
        }
    }

    /** Grows with every batch of row changes of the owner; at least the wall clock, so it grows across state loss too. */
    private long nextVersion(long nowMillis) throws Exception {
        Long previous = version.value();
        long next = Math.max(previous == null ? 1 : previous + 1, nowMillis * 1000);
        version.update(next);
        return next;
    }

    private MessageFacts factsOf(VerifiedMessage message) {
        String cacheKey = message.itemHash() + "|" + message.signature() + "|" + message.sender() + "|" + message.channel();
        MessageFacts facts = factsCache.get(cacheKey);
        if (facts == null) {
            facts = MessageFacts.of(message);
            factsCache.put(cacheKey, facts);
        }
        return facts;
    }

    /** The status part of an {@link #encode encoded} decision, or null when there is none. */
    private static String statusOf(String encoded) {
        return encoded == null ? null : encoded.substring(0, encoded.indexOf('|'));
    }

    private static String encode(StateDecision decision) {
        return decision.status() + "|" + Objects.toString(decision.errorCode(), "") + "|"
                + Objects.toString(decision.forgottenBy(), "") + "|" + Objects.toString(decision.reason(), "");
    }
}
