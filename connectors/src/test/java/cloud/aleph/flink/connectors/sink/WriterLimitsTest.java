package cloud.aleph.flink.connectors.sink;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WriterLimitsTest {

    @Test
    void bufferMustHoldMoreThanOneBatch() {
        assertThatThrownBy(() -> new WriterLimits(50, 4, 50, 1024, 100, 1024, 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-buffered-requests");
    }

    @Test
    void batchBytesMustHoldTheLargestRecord() {
        assertThatThrownBy(() -> new WriterLimits(10, 4, 100, 1023, 100, 1024, 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inFlightRequestsMustBePositive() {
        assertThatThrownBy(() -> new WriterLimits(10, 0, 100, 1024, 100, 1024, 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
