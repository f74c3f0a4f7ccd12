package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.consensus.ConsensusTexts;
import cloud.aleph.flink.operators.consensus.Membership;
import cloud.aleph.flink.operators.consensus.MerkleTree;
import cloud.aleph.flink.operators.crypto.EvmVerifier;
import cloud.aleph.flink.operators.crypto.Secp256k1Recoveries;
import cloud.aleph.flink.operators.model.ConsensusNote;
import cloud.aleph.flink.operators.model.EpochDigest;
import cloud.aleph.flink.operators.model.FinalEpoch;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by epoch ({@code partition:start}): collects the CCNs' signed digests of the epoch and
 * finalises it when a majority of the CCNs signed the same root. A digest counts only if it is
 * signed by the key registered for its CCN (secp256k1 or Ed25519) and its root and chain follow
 * from its own fields. A CCN whose root differs from the majority's is recorded as divergent
 * ({@link #NOTES}). Each new signer of the final root re-emits the epoch with its longer list of
 * signers.
 */
public class FinalityFunction extends KeyedProcessFunction<String, EpochDigest, FinalEpoch> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<ConsensusNote> NOTES = new OutputTag<>("finality-notes") {};

    /** The digests that signed an epoch's final root, to keep with the epoch. */
    public static final OutputTag<EpochDigest> SIGNATURES = new OutputTag<>("final-signatures") {};

    private final Membership membership;
    private final String secp256k1;

    private transient MapState<String, EpochDigest> digests;
    private transient ValueState<String> finalRoot;
    private transient EvmVerifier signatures;
    private transient Counter ignored;
    private transient Counter divergences;

    public FinalityFunction(Membership membership, String secp256k1) {
        this.membership = membership;
        this.secp256k1 = Secp256k1Recoveries.requireValid(secp256k1);
    }

    @Override
    public void open(OpenContext openContext) {
        digests = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("digests", Types.STRING, Types.POJO(EpochDigest.class)));
        finalRoot = getRuntimeContext().getState(new ValueStateDescriptor<>("final-root", Types.STRING));
        signatures = new EvmVerifier(Secp256k1Recoveries.shared().select(secp256k1).recovery());
        var group = getRuntimeContext().getMetricGroup().addGroup("consensus");
        ignored = group.counter("digestsIgnored");
        divergences = group.counter("digestDivergences");
    }

    @Override
    public void processElement(EpochDigest digest, Context ctx, Collector<FinalEpoch> out) throws Exception {
        if (!counts(digest) || digests.contains(digest.ccn())) {
            ignored.inc();
            return;
        }
        digests.put(digest.ccn(), digest);
        String root = finalRoot.value();
        if (root != null) {
            if (root.equals(digest.root())) {
                out.collect(finalEpoch(digest, root));
                ctx.output(SIGNATURES, digest);
            } else {
                diverges(digest, root, ctx);
            }
            return;
        }
        Map<String, Integer> byRoot = new TreeMap<>();
        for (EpochDigest held : digests.values()) {
            byRoot.merge(held.root(), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> candidate : byRoot.entrySet()) {
            if (candidate.getValue() >= membership.majority()) {
                finalRoot.update(candidate.getKey());
                out.collect(finalEpoch(digest, candidate.getKey()));
                for (EpochDigest held : digests.values()) {
                    if (held.root().equals(candidate.getKey())) {
                        ctx.output(SIGNATURES, held);
                    } else {
                        diverges(held, candidate.getKey(), ctx);
                    }
                }
                return;
            }
        }
    }

    /** A digest counts when a registered CCN signed it and its root and chain follow from its own fields. */
    private boolean counts(EpochDigest d) {
        if (!membership.isKnownId(d.ccn())) {
            return false;
        }
        List<String> leaves = d.leaves().isEmpty() ? List.of() : Arrays.asList(d.leaves().split(","));
        if (!MerkleTree.root(leaves).equals(d.root())
                || !ConsensusTexts.chain(d.previous(), d.root(), d.partition(), d.start(), d.end()).equals(d.chain())) {
            return false;
        }
        return membership.signedBy(d.ccn(), ConsensusTexts.digest(d), d.signature(), signatures);
    }

    private FinalEpoch finalEpoch(EpochDigest any, String root) throws Exception {
        TreeSet<String> signers = new TreeSet<>();
        String leaves = null;
        for (EpochDigest held : digests.values()) {
            if (held.root().equals(root)) {
                signers.add(held.ccn());
                leaves = held.leaves();
            }
        }
        return new FinalEpoch(any.partition(), any.start(), any.end(), root, leaves, String.join(",", signers));
    }

    private void diverges(EpochDigest digest, String majorityRoot, Context ctx) {
        divergences.inc();
        // The note names the epoch by its id (partition:start-end), as message_status.epoch does.
        String epochId = digest.partition() + ":" + digest.start() + "-" + digest.end();
        ctx.output(NOTES, new ConsensusNote(ConsensusNote.Kind.DIVERGENCE, digest.ccn(), epochId, null,
                digest.root(), majorityRoot, ctx.timerService().currentProcessingTime()));
    }
}
