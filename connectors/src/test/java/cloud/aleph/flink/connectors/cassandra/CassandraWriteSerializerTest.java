package cloud.aleph.flink.connectors.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.aleph.flink.connectors.Samples;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.MessageStatus;
import cloud.aleph.flink.operators.model.Rejection;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class CassandraWriteSerializerTest {

    private final CassandraWriteSerializer serializer = new CassandraWriteSerializer();

    private List<CassandraWrite> roundTrip(List<CassandraWrite> writes) throws IOException {
        List<RequestEntryWrapper<CassandraWrite>> wrapped = new ArrayList<>();
        for (CassandraWrite write : writes) {
            wrapped.add(new RequestEntryWrapper<>(write, write.sizeInBytes()));
        }
        byte[] bytes = serializer.serialize(new BufferedRequestState<>(wrapped));
        BufferedRequestState<CassandraWrite> restored = serializer.deserialize(serializer.getVersion(), bytes);
        assertThat(restored.getBufferedRequestEntries()).extracting(RequestEntryWrapper::getSize)
                .containsExactlyElementsOf(writes.stream().map(CassandraWrite::sizeInBytes).toList());
        return restored.getBufferedRequestEntries().stream().map(RequestEntryWrapper::getRequestEntry).toList();
    }

    @Test
    void everyValueTypeTimestampAndNullPolicySurvives() throws IOException {
        CqlStatement all = new CqlStatement(
                "INSERT INTO ks.t (a, b, c, d, e, f, g, h) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Arrays.asList("text \u00e9 \uD83D\uDE00", 7, -9_000_000_000L, 0.1 + 0.2, true,
                        Instant.ofEpochSecond(1_714_564_800L, 123_456_789), LocalDate.of(2024, 5, 1), null),
                5L,
                CqlStatement.Nulls.WRITE_NULL);
        CassandraWrite write = new CassandraWrite("key", List.of(all, CqlStatement.of("DELETE x", (Object) null)));

        assertThat(roundTrip(List.of(write))).containsExactly(write);
    }

    @Test
    void realWritesSurvive() throws IOException {
        List<CassandraWrite> writes = List.of(
                new MessageRows("aleph").toWrite(Samples.rowsOf(Samples.inlinePost("0xabc", 1))),
                new StatusRows("aleph").toWrite(Samples.status("h", MessageStatus.REJECTED, 3)),
                new RejectionRows("aleph").toWrite(Samples.rejection("x", null, ErrorCode.INVALID_FORMAT, 5L)));

        assertThat(roundTrip(writes)).containsExactlyElementsOf(writes);
    }

    @Test
    void textLongerThan64KiBSurvives() throws IOException {
        String raw = "\u00e9".repeat(Rejection.MAX_RAW_CHARS);
        CassandraWrite write = new RejectionRows("aleph").toWrite(Samples.rejection(raw, "h", ErrorCode.INVALID_FORMAT, 1L));

        assertThat(roundTrip(List.of(write))).containsExactly(write);
    }

    @Test
    void emptyStateSurvives() throws IOException {
        assertThat(roundTrip(List.of())).isEmpty();
    }

    @Test
    void unsupportedValueTypesAreRefusedBeforeBuffering() {
        assertThatThrownBy(() -> CqlStatement.of("INSERT", BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BigDecimal");
    }
}
