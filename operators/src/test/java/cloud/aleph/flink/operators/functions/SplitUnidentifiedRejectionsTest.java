package cloud.aleph.flink.operators.functions;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.Verdict;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class SplitUnidentifiedRejectionsTest {

    @Test
    void rejectionsWithoutItemHashGoToTheSideOutput() throws Exception {
        Verdict withHash = Verdict.reject(rejection("r1", "b".repeat(64)));
        Verdict withoutHash = Verdict.reject(rejection("r2", null));
        try (OneInputStreamOperatorTestHarness<Verdict, Verdict> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new SplitUnidentifiedRejections())) {
            harness.processElement(withHash, 0);
            harness.processElement(withoutHash, 0);

            assertThat(harness.extractOutputValues()).containsExactly(withHash);
            assertThat(harness.getSideOutput(SplitUnidentifiedRejections.UNIDENTIFIED))
                    .extracting(StreamRecord::getValue)
                    .extracting(Rejection::rejectionId)
                    .containsExactly("r2");
        }
    }

    private static Rejection rejection(String id, String itemHash) {
        return new Rejection(id, itemHash, ErrorCode.INVALID_FORMAT, "not JSON", null, null, null, "x", 1, 0, 1L, 0L);
    }
}
