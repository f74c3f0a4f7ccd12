package cloud.aleph.flink.operators.functions;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.model.VolumeEvent;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class VolumeIndexFunctionTest {

    private static final String REF = "d".repeat(64);

    private static KeyedOneInputStreamOperatorTestHarness<String, VolumeEvent, VolumeEvent> harness() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, VolumeEvent, VolumeEvent> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new VolumeIndexFunction()), VolumeEvent::ref, Types.STRING);
        harness.open();
        return harness;
    }

    @Test
    void aRequestWaitsForTheStoreAndIsAnsweredOnce() throws Exception {
        try (var harness = harness()) {
            harness.processElement(VolumeEvent.request(REF, false, "vm1", "owner"), 0);
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processElement(VolumeEvent.fact(REF, true), 0);
            harness.processElement(VolumeEvent.fact(REF, true), 0);

            assertThat(harness.extractOutputValues()).singleElement().satisfies(answer -> {
                assertThat(answer.kind()).isEqualTo(VolumeEvent.Kind.ANSWER);
                assertThat(answer.vmHash()).isEqualTo("vm1");
                assertThat(answer.owner()).isEqualTo("owner");
            });
        }
    }

    @Test
    void aStoreThatOnlyRefersToTheHashSatisfiesLatestButNotExactRequests() throws Exception {
        try (var harness = harness()) {
            harness.processElement(VolumeEvent.fact(REF, false), 0);
            harness.processElement(VolumeEvent.request(REF, true, "latest-vm", "owner"), 0);
            harness.processElement(VolumeEvent.request(REF, false, "exact-vm", "owner"), 0);

            assertThat(harness.extractOutputValues()).extracting(VolumeEvent::vmHash).containsExactly("latest-vm");
            assertThat(harness.numKeyedStateEntries()).as("the exact request waits").isGreaterThan(0);
        }
    }
}
