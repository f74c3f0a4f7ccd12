package cloud.aleph.flink.operators.functions;

import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.Verdict;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Passes on verdicts about an item_hash, and diverts rejections of input whose item_hash could
 * not even be read (not JSON, no hash, ...) to {@link #UNIDENTIFIED}: they have no status to
 * decide, only a record to write.
 */
public class SplitUnidentifiedRejections extends ProcessFunction<Verdict, Verdict> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<Rejection> UNIDENTIFIED = new OutputTag<>("unidentified-rejections") {};

    @Override
    public void processElement(Verdict verdict, Context ctx, Collector<Verdict> out) {
        if (verdict.itemHash() != null) {
            out.collect(verdict);
        } else {
            ctx.output(UNIDENTIFIED, verdict.rejected());
        }
    }
}
