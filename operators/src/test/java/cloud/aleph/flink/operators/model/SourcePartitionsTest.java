package cloud.aleph.flink.operators.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourcePartitionsTest {

    @Test
    void rawPartitionsKeepTheirNumberAndTrustedOnesHaveTheirOwnRange() {
        assertThat(SourcePartitions.raw(0)).isZero();
        assertThat(SourcePartitions.raw(7)).isEqualTo(7);
        assertThat(SourcePartitions.trusted(0)).isEqualTo(1_000_000);
        assertThat(SourcePartitions.trusted(7)).isEqualTo(1_000_007);
        assertThat(SourcePartitions.isTrusted(SourcePartitions.raw(999_999))).isFalse();
        assertThat(SourcePartitions.isTrusted(SourcePartitions.trusted(0))).isTrue();
    }

    @Test
    void theTrustedMarkOfARecordFollowsItsPosition() {
        assertThat(new RawMessage(SourcePartitions.raw(3), 1L, 0L, new byte[0]).trusted()).isFalse();
        assertThat(new RawMessage(SourcePartitions.trusted(3), 1L, 0L, new byte[0]).trusted()).isTrue();
        // Records not read from Kafka (the offline verify tool) are public.
        assertThat(new RawMessage(-1, -1L, 0L, new byte[0]).trusted()).isFalse();
    }

    @Test
    void partitionsThatWouldMakeTheRangesOverlapAreRefused() {
        assertThatThrownBy(() -> SourcePartitions.raw(1_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourcePartitions.trusted(1_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourcePartitions.raw(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
