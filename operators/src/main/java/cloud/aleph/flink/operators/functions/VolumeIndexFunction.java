package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.model.VolumeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by a file's item_hash: remembers whether an accepted STORE has that hash (an exact match)
 * or refers to it (enough for a VM that wants the latest version), and answers the VMs that need
 * it, at once or as soon as the STORE arrives. Facts only ever become true, so the answers do not
 * depend on arrival order.
 */
public class VolumeIndexFunction extends KeyedProcessFunction<String, VolumeEvent, VolumeEvent> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<Boolean> exactStore;
    private transient ValueState<Boolean> referringStore;
    private transient MapState<String, VolumeEvent> waiting;

    @Override
    public void open(OpenContext openContext) {
        exactStore = getRuntimeContext().getState(new ValueStateDescriptor<>("exact-store", Types.BOOLEAN));
        referringStore = getRuntimeContext().getState(new ValueStateDescriptor<>("referring-store", Types.BOOLEAN));
        waiting = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("waiting-vms", Types.STRING, Types.POJO(VolumeEvent.class)));
    }

    @Override
    public void processElement(VolumeEvent event, Context ctx, Collector<VolumeEvent> out) throws Exception {
        switch (event.kind()) {
            case FACT -> {
                (event.exact() ? exactStore : referringStore).update(true);
                List<String> answered = new ArrayList<>();
                for (Map.Entry<String, VolumeEvent> entry : waiting.entries()) {
                    if (satisfied(entry.getValue())) {
                        out.collect(entry.getValue().answer());
                        answered.add(entry.getKey());
                    }
                }
                for (String key : answered) {
                    waiting.remove(key);
                }
            }
            case REQUEST -> {
                if (satisfied(event)) {
                    out.collect(event.answer());
                } else {
                    waiting.put(waitingKey(event), event);
                }
            }
            case ANSWER -> throw new IllegalArgumentException("the index sends answers, it does not take them");
        }
    }

    private boolean satisfied(VolumeEvent request) throws Exception {
        return Boolean.TRUE.equals(exactStore.value())
                || (request.useLatest() && Boolean.TRUE.equals(referringStore.value()));
    }

    private static String waitingKey(VolumeEvent request) {
        return request.vmHash() + "|" + request.useLatest();
    }
}
