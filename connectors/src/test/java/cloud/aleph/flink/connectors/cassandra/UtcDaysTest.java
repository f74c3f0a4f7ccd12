package cloud.aleph.flink.connectors.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UtcDaysTest {

    @Test
    void dayOfSeconds() {
        assertThat(UtcDays.ofEpochSeconds(0)).isEqualTo(LocalDate.of(1970, 1, 1));
        assertThat(UtcDays.ofEpochSeconds(1_714_607_999.999)).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(UtcDays.ofEpochSeconds(1_714_608_000.0)).isEqualTo(LocalDate.of(2024, 5, 2));
        assertThat(UtcDays.ofEpochSeconds(-0.5)).isEqualTo(LocalDate.of(1969, 12, 31));
    }

    @Test
    void absurdSenderTimesAreClampedNotFatal() {
        assertThat(UtcDays.ofEpochSeconds(Double.NaN)).isEqualTo(LocalDate.of(1970, 1, 1));
        assertThat(UtcDays.ofEpochSeconds(1e300)).isEqualTo(LocalDate.ofEpochDay((1L << 31) - 1));
        assertThat(UtcDays.ofEpochSeconds(Double.NEGATIVE_INFINITY)).isEqualTo(LocalDate.ofEpochDay(-(1L << 31)));
    }

    @Test
    void dayOfMillis() {
        assertThat(UtcDays.ofEpochMillis(1_714_607_999_999L)).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(UtcDays.ofEpochMillis(-1L)).isEqualTo(LocalDate.of(1969, 12, 31));
    }
}
