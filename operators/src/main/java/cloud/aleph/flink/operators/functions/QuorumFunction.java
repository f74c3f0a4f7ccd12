package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.consensus.ConsensusTexts;
import cloud.aleph.flink.operators.consensus.Membership;
import cloud.aleph.flink.operators.crypto.EvmVerifier;
import cloud.aleph.flink.operators.crypto.Secp256k1Recoveries;
import cloud.aleph.flink.operators.model.Attestation;
import cloud.aleph.flink.operators.model.ConsensusNote;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.RecordBody;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by record ({@code partition:offset}): counts the attestations of distinct registered CCNs
 * on the record and decides it. When the "valid" attestations reach the quorum of the message's
 * type, the record's message is accepted and goes on to the agreed state; when the "invalid" ones
 * make that impossible, it is rejected with the code most of them give. Attestations not signed
 * by the key registered for the CCN they name (secp256k1 or Ed25519), from CCNs outside the set,
 * or repeated, are ignored and counted; verdicts that differ from the agreed one are recorded
 * ({@link #NOTES}).
 */
public class QuorumFunction extends KeyedCoProcessFunction<String, RecordBody, Attestation, Verdict> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<ConsensusNote> NOTES = new OutputTag<>("consensus-notes") {};

    private static final String VALID = "valid";

    private final Membership membership;
    private final String secp256k1;
    private final Duration retention;

    private transient ValueState<RecordBody> body;
    private transient MapState<String, String> votes;
    private transient ValueState<String> agreed;
    private transient EvmVerifier signatures;
    private transient Counter counted;
    private transient Counter forged;
    private transient Counter unregistered;
    private transient Counter duplicated;
    private transient Counter disagreements;

    /**
     * @param membership the CCNs and the quorum
     * @param secp256k1 implementation of signature recovery for secp256k1 members ({@code auto}, {@code native}, {@code bouncycastle})
     * @param retention how long a record's votes are kept after its last one (late votes after that are not compared)
     */
    public QuorumFunction(Membership membership, String secp256k1, Duration retention) {
        this.membership = membership;
        this.secp256k1 = Secp256k1Recoveries.requireValid(secp256k1);
        this.retention = retention;
    }

    @Override
    public void open(OpenContext openContext) {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(retention).build();
        ValueStateDescriptor<RecordBody> bodyDescriptor = new ValueStateDescriptor<>("record-body", RecordBody.class);
        bodyDescriptor.enableTimeToLive(ttl);
        MapStateDescriptor<String, String> votesDescriptor = new MapStateDescriptor<>("votes", Types.STRING, Types.STRING);
        votesDescriptor.enableTimeToLive(ttl);
        ValueStateDescriptor<String> agreedDescriptor = new ValueStateDescriptor<>("agreed", Types.STRING);
        agreedDescriptor.enableTimeToLive(ttl);
        body = getRuntimeContext().getState(bodyDescriptor);
        votes = getRuntimeContext().getMapState(votesDescriptor);
        agreed = getRuntimeContext().getState(agreedDescriptor);
        signatures = new EvmVerifier(Secp256k1Recoveries.shared().select(secp256k1).recovery());
        var group = getRuntimeContext().getMetricGroup().addGroup("consensus");
        counted = group.counter("attestationsCounted");
        forged = group.counter("attestationsForged");
        unregistered = group.counter("attestationsUnregistered");
        duplicated = group.counter("attestationsDuplicated");
        disagreements = group.counter("attestationDisagreements");
    }

    @Override
    public void processElement1(RecordBody record, Context ctx, Collector<Verdict> out) throws Exception {
        body.update(record);
        decide(record, ctx, out);
    }

    @Override
    public void processElement2(Attestation attestation, Context ctx, Collector<Verdict> out) throws Exception {
        if (!membership.isKnownId(attestation.ccn())) {
            unregistered.inc();
            return;
        }
        if (!membership.signedBy(attestation.ccn(), ConsensusTexts.attestation(attestation), attestation.signature(), signatures)) {
            forged.inc();
            return;
        }
        if (votes.contains(attestation.ccn())) {
            duplicated.inc();
            return;
        }
        counted.inc();
        String vote = attestation.valid() ? VALID : "invalid " + attestation.errorCode();
        votes.put(attestation.ccn(), vote);
        String decided = agreed.value();
        if (decided != null) {
            noteIfDisagreeing(attestation.ccn(), vote, decided, ctx);
            return;
        }
        RecordBody record = body.value();
        if (record != null) {
            decide(record, ctx, out);
        }
    }

    private void decide(RecordBody record, Context ctx, Collector<Verdict> out) throws Exception {
        if (agreed.value() != null) {
            return;
        }
        int valid = 0;
        Map<Integer, Integer> invalidByCode = new TreeMap<>();
        for (String vote : votes.values()) {
            if (vote.equals(VALID)) {
                valid++;
            } else {
                invalidByCode.merge(Integer.parseInt(vote.substring("invalid ".length())), 1, Integer::sum);
            }
        }
        int invalid = invalidByCode.values().stream().mapToInt(Integer::intValue).sum();
        int quorum = membership.quorum(typeOf(record.parsed()));
        String decision;
        if (valid >= quorum) {
            decision = VALID;
            // A record that does not even parse cannot become a message, whatever the votes say.
            out.collect(record.parsed());
        } else if (invalid > membership.size() - quorum) {
            int code = mostGiven(invalidByCode);
            decision = "invalid " + code;
            out.collect(record.parsed().isAccepted() ? Verdict.reject(rejection(record, code)) : record.parsed());
        } else {
            return;
        }
        agreed.update(decision);
        for (Map.Entry<String, String> vote : votes.entries()) {
            noteIfDisagreeing(vote.getKey(), vote.getValue(), decision, ctx);
        }
    }

    private void noteIfDisagreeing(String ccn, String vote, String decision, Context ctx) throws Exception {
        if (!vote.equals(decision)) {
            disagreements.inc();
            RecordBody record = body.value();
            ctx.output(NOTES, new ConsensusNote(ConsensusNote.Kind.DISAGREEMENT, ccn, ctx.getCurrentKey(),
                    record == null ? null : record.parsed().itemHash(), vote, decision,
                    ctx.timerService().currentProcessingTime()));
        }
    }

    /** The code the most invalid attestations give; the lowest code among equals. */
    private static int mostGiven(Map<Integer, Integer> invalidByCode) {
        int best = ErrorCode.INVALID_SIGNATURE.code();
        int count = -1;
        for (Map.Entry<Integer, Integer> entry : invalidByCode.entrySet()) {
            if (entry.getValue() > count) {
                best = entry.getKey();
                count = entry.getValue();
            }
        }
        return best;
    }

    private static String typeOf(Verdict parsed) {
        return parsed.isAccepted() ? parsed.accepted().type().wire() : parsed.rejected().type();
    }

    private static Rejection rejection(RecordBody record, int code) {
        VerifiedMessage m = record.parsed().accepted();
        return new Rejection(record.rejectionId(), m.itemHash(), ErrorCode.fromCode(code),
                "rejected by a quorum of CCNs", m.sender(), m.chain().wire(), m.type().wire(), record.raw(),
                record.rawLength(), m.partition(), m.offset(), m.receivedMillis());
    }
}
