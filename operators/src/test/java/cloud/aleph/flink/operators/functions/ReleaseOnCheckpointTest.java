package cloud.aleph.flink.operators.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ReleaseOnCheckpointTest {

    @Test
    void recordsPassOnlyOnceTheCheckpointAfterThemCompleted() throws Exception {
        try (OneInputStreamOperatorTestHarness<String, String> harness = harness()) {
            harness.open();
            harness.processElement("a", 0);
            harness.processElement("b", 0);
            assertThat(harness.extractOutputValues()).as("before any checkpoint").isEmpty();

            harness.snapshot(1, 0);
            harness.processElement("c", 0);
            assertThat(harness.extractOutputValues()).as("checkpoint 1 not complete yet").isEmpty();

            harness.notifyOfCompletedCheckpoint(1);
            assertThat(harness.extractOutputValues()).as("what came before barrier 1, in order").containsExactly("a", "b");

            harness.snapshot(2, 0);
            harness.snapshot(3, 0);
            harness.processElement("d", 0);
            harness.notifyOfCompletedCheckpoint(3);
            assertThat(harness.extractOutputValues()).as("checkpoint 3 covers checkpoint 2, never notified")
                    .containsExactly("a", "b", "c");
        }
    }

    @Test
    void aRestoreReleasesWhatTheCheckpointHeldAndForgetsWhatCameAfterIt() throws Exception {
        OperatorSubtaskState checkpoint;
        try (OneInputStreamOperatorTestHarness<String, String> failed = harness()) {
            failed.open();
            failed.processElement("kept", 0);
            checkpoint = failed.snapshot(7, 0);
            failed.processElement("after the checkpoint", 0);
            // The job fails here: checkpoint 7 completed, but its notification never reached the operator.
            assertThat(failed.extractOutputValues()).isEmpty();
        }
        try (OneInputStreamOperatorTestHarness<String, String> restored = harness()) {
            restored.initializeState(checkpoint);
            restored.open();
            assertThat(restored.extractOutputValues()).as("released on restore; the later record never")
                    .containsExactly("kept");
        }
    }

    @Test
    void theEndOfInputReleasesEverything() throws Exception {
        try (OneInputStreamOperatorTestHarness<String, String> harness = harness()) {
            harness.open();
            harness.processElement("a", 0);
            harness.snapshot(1, 0);
            harness.processElement("b", 0);
            harness.getOperator().finish();
            assertThat(harness.extractOutputValues()).containsExactly("a", "b");
        }
    }

    private static OneInputStreamOperatorTestHarness<String, String> harness() throws Exception {
        return new OneInputStreamOperatorTestHarness<>(new ReleaseOnCheckpoint<>(Types.STRING));
    }
}
