package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.consensus.CcnKey;
import cloud.aleph.flink.operators.consensus.ConsensusTexts;
import cloud.aleph.flink.operators.consensus.MerkleTree;
import cloud.aleph.flink.operators.model.EpochDigest;
import cloud.aleph.flink.operators.model.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by source partition (of the raw or the trusted topic, see
 * {@link cloud.aleph.flink.operators.model.SourcePartitions}), in offset order: cuts the partition
 * into epochs of {@code size} offsets ({@code [k·size, (k+1)·size − 1]}, the same for every CCN),
 * and when an epoch is complete signs its digest: the Merkle root of the item_hashes this CCN
 * accepted in it, chained to the previous epoch. An epoch is complete when its last offset, or a
 * later one, has been seen: the records of an epoch are final only once later records exist
 * (design: "referenced by later records").
 */
public class EpochDigestFunction extends KeyedProcessFunction<Integer, Verdict, EpochDigest> {

    private static final long serialVersionUID = 1L;

    private final String ccn;
    private final String nodeKey;
    private final long size;

    private transient ValueState<Long> epochStart;
    private transient ValueState<String> leaves;
    private transient ValueState<String> previousChain;
    private transient CcnKey key;

    /**
     * @param ccn this CCN's id
     * @param nodeKey its node key as configured ({@link CcnKey#parse}: secp256k1 or Ed25519)
     * @param size offsets per epoch
     */
    public EpochDigestFunction(String ccn, String nodeKey, long size) {
        if (size < 1) {
            throw new IllegalArgumentException("an epoch holds at least one offset");
        }
        CcnKey.parse(nodeKey); // a bad key fails when the job is built, not on the cluster
        this.ccn = ccn;
        this.nodeKey = nodeKey;
        this.size = size;
    }

    @Override
    public void open(OpenContext openContext) {
        epochStart = getRuntimeContext().getState(new ValueStateDescriptor<>("epoch-start", Types.LONG));
        leaves = getRuntimeContext().getState(new ValueStateDescriptor<>("epoch-leaves", Types.STRING));
        previousChain = getRuntimeContext().getState(new ValueStateDescriptor<>("previous-chain", Types.STRING));
        key = CcnKey.parse(nodeKey);
    }

    @Override
    public void processElement(Verdict verdict, Context ctx, Collector<EpochDigest> out) throws Exception {
        int partition = ctx.getCurrentKey();
        long offset = verdict.isAccepted() ? verdict.accepted().offset() : verdict.rejected().offset();
        long start = offset - offset % size;
        Long current = epochStart.value();
        if (current != null && current != start) {
            close(partition, current, out); // the records after the current epoch's end skipped over it
        }
        if (current == null || current != start) {
            epochStart.update(start);
            leaves.update("");
        }
        if (verdict.isAccepted()) {
            String held = leaves.value();
            leaves.update(held.isEmpty() ? verdict.accepted().itemHash() : held + "," + verdict.accepted().itemHash());
        }
        if (offset == start + size - 1) {
            close(partition, start, out);
            epochStart.clear();
            leaves.clear();
        }
    }

    private void close(int partition, long start, Collector<EpochDigest> out) throws Exception {
        String held = leaves.value() == null ? "" : leaves.value();
        List<String> hashes = held.isEmpty() ? new ArrayList<>() : Arrays.asList(held.split(","));
        String root = MerkleTree.root(hashes);
        String previous = previousChain.value() == null ? ConsensusTexts.GENESIS : previousChain.value();
        long end = start + size - 1;
        String chain = ConsensusTexts.chain(previous, root, partition, start, end);
        EpochDigest unsigned = new EpochDigest(ccn, partition, start, end, held, root, previous, chain, null);
        out.collect(new EpochDigest(ccn, partition, start, end, held, root, previous, chain,
                key.sign(ConsensusTexts.digest(unsigned))));
        previousChain.update(chain);
    }
}
