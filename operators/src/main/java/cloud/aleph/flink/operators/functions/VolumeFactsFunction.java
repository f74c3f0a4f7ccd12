package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.model.AcceptedCopy;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.model.VolumeEvent;
import cloud.aleph.flink.operators.state.MessageFacts;
import cloud.aleph.flink.operators.state.VolumeRef;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * What the volume index must hear from each kept copy: an accepted STORE is a fact about its own
 * hash (and about its hash-shaped ref, for VMs that want the latest version); a PROGRAM or
 * INSTANCE asks for every file it needs (docs/state-semantics.md §6).
 */
public class VolumeFactsFunction implements FlatMapFunction<AcceptedCopy, VolumeEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(AcceptedCopy copy, Collector<VolumeEvent> out) {
        MessageType type = copy.message().type();
        if (type != MessageType.STORE && type != MessageType.PROGRAM && type != MessageType.INSTANCE) {
            return;
        }
        MessageFacts facts = MessageFacts.of(copy.message());
        if (type == MessageType.STORE) {
            // Any accepted STORE counts by its hash, even one whose content is not inline (§6);
            // its ref is only known from inline content.
            out.collect(VolumeEvent.fact(facts.hash(), true));
            if (facts.ref() != null) {
                out.collect(VolumeEvent.fact(facts.ref(), false));
            }
            return;
        }
        if (!facts.contentAvailable()) {
            return;
        }
        for (VolumeRef volume : facts.volumes()) {
            out.collect(VolumeEvent.request(volume.ref(), volume.useLatest(), facts.hash(), facts.owner()));
        }
    }
}
