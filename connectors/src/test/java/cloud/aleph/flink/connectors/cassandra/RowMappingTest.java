package cloud.aleph.flink.connectors.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.aleph.flink.connectors.Samples;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.MessageStatus;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.StatusUpdate;
import cloud.aleph.flink.operators.model.MessageRowChange;
import cloud.aleph.flink.operators.model.ConsensusNote;
import cloud.aleph.flink.operators.model.EpochDigest;
import cloud.aleph.flink.operators.model.FinalEpoch;
import cloud.aleph.flink.operators.model.ForgottenRecord;
import cloud.aleph.flink.operators.model.SourcePartitions;
import cloud.aleph.flink.operators.model.StateRowChange;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowMappingTest {

    private static final String KEYSPACE = "aleph_rows";
    private static final Map<String, Map<String, String>> TABLES = SchemaColumns.tables(KEYSPACE);

    /** column → bound value of one statement, after checking it against the schema file. */
    private static Map<String, Object> columns(CqlStatement statement, String expectedTable) {
        SchemaColumns.Insert insert = SchemaColumns.insert(statement.cql());
        assertThat(insert.keyspace()).isEqualTo(KEYSPACE);
        assertThat(insert.table()).isEqualTo(expectedTable);
        assertThat(insert.markers()).isEqualTo(insert.columns().size()).isEqualTo(statement.values().size());
        Map<String, String> schema = TABLES.get(expectedTable);
        assertThat(schema.keySet()).containsAll(insert.columns());
        Map<String, Object> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < insert.columns().size(); i++) {
            String column = insert.columns().get(i);
            Object value = statement.values().get(i);
            if (value != null) {
                assertThat(value).as(expectedTable + "." + column).isInstanceOf(javaType(schema.get(column)));
            }
            byColumn.put(column, value);
        }
        return byColumn;
    }

    private static Class<?> javaType(String cqlType) {
        return switch (cqlType) {
            case "text" -> String.class;
            case "int" -> Integer.class;
            case "bigint" -> Long.class;
            case "double" -> Double.class;
            case "timestamp" -> Instant.class;
            case "date" -> LocalDate.class;
            default -> throw new AssertionError(cqlType);
        };
    }

    @Test
    void messageWritesTheFullRowAndTheSenderDayRow() {
        VerifiedMessage message = Samples.inlinePost("0xAbC", 3);

        CassandraWrite write = new MessageRows(KEYSPACE).toWrite(Samples.rowsOf(message));

        assertThat(write.key()).isEqualTo(message.itemHash());
        assertThat(write.statements()).hasSize(4);
        Map<String, Object> row = columns(write.statements().get(0), "messages");
        assertThat(row.keySet()).containsExactlyInAnyOrderElementsOf(TABLES.get("messages").keySet());
        assertThat(row).containsEntry("item_hash", message.itemHash())
                .containsEntry("chain", "ETH")
                .containsEntry("type", "POST")
                .containsEntry("item_type", "inline")
                .containsEntry("item_content", message.itemContent())
                .containsEntry("time", message.time())
                .containsEntry("channel", null)
                .containsEntry("size", message.size())
                .containsEntry("source_partition", 3)
                .containsEntry("source_offset", 103L)
                .containsEntry("received_at", Instant.ofEpochMilli(message.receivedMillis()));
        Map<String, Object> bySender = columns(write.statements().get(1), "messages_by_sender");
        assertThat(bySender.keySet()).containsExactlyInAnyOrderElementsOf(TABLES.get("messages_by_sender").keySet());
        assertThat(bySender).containsEntry("sender", "0xAbC")
                .containsEntry("day", LocalDate.of(2024, 5, 1))
                .containsEntry("time", message.time())
                .containsEntry("item_hash", message.itemHash());
        assertThat(write.statements()).allSatisfy(statement -> {
            assertThat(statement.writeTimestampMicros()).isEqualTo(Samples.rowsOf(message).version());
            assertThat(statement.nulls()).isEqualTo(CqlStatement.Nulls.WRITE_NULL);
        });
    }

    @Test
    void anUnsignedMessageOfTheTrustedInputKeepsItsNullSignatureAndItsSourcePartition() {
        VerifiedMessage signed = Samples.inlinePost("0xAbC", 3);
        VerifiedMessage unsigned = new VerifiedMessage(signed.itemHash(), signed.chain(), signed.sender(), signed.type(),
                signed.itemType(), signed.itemContent(), null, signed.time(), null, signed.owner(), signed.contentTime(),
                signed.size(), SourcePartitions.trusted(0), 9L, signed.receivedMillis());

        CassandraWrite write = new MessageRows(KEYSPACE).toWrite(Samples.rowsOf(unsigned));

        assertThat(columns(write.statements().get(0), "messages")).containsEntry("signature", null)
                .containsEntry("channel", null)
                .containsEntry("source_partition", 1_000_000)
                .containsEntry("source_offset", 9L);
        assertThat(columns(write.statements().get(3), "messages_by_type")).containsEntry("channel", MessageRows.NO_CHANNEL);
    }

    @Test
    void aReplacingCopyDeletesOnlyTheListingRowsWhoseKeyChanged() {
        VerifiedMessage old = Samples.inlinePost("0xAbC", 3);
        VerifiedMessage replacing = new VerifiedMessage(old.itemHash(), old.chain(), "0xOther", old.type(), old.itemType(),
                old.itemContent(), "sig", 1_714_000_000.5, old.channel(), old.owner(), old.contentTime(), old.size(),
                old.partition(), old.offset(), old.receivedMillis());

        CassandraWrite write = new MessageRows(KEYSPACE).toWrite(new MessageRowChange(replacing, false, 5_000L, old));

        assertThat(write.statements()).allSatisfy(statement ->
                assertThat(statement.writeTimestampMicros()).isEqualTo(5_000L));
        List<String> deletes = write.statements().stream().map(CqlStatement::cql).filter(cql -> cql.startsWith("DELETE")).toList();
        assertThat(deletes).hasSize(3).allSatisfy(cql -> assertThat(cql).contains(".messages_by_"));
        CqlStatement bySender = write.statements().stream()
                .filter(statement -> statement.cql().startsWith("DELETE FROM " + KEYSPACE + ".messages_by_sender")).findFirst().orElseThrow();
        assertThat(bySender.values()).containsExactly("0xAbC", UtcDays.ofEpochSeconds(old.time()), old.time(), old.itemHash());
    }

    @Test
    void aRemovedMessageLosesEveryRow() {
        VerifiedMessage message = Samples.inlinePost("0xAbC", 3);

        CassandraWrite write = new MessageRows(KEYSPACE).toWrite(new MessageRowChange(message, true, 7_000L, null));

        assertThat(write.statements()).hasSize(4).allSatisfy(statement -> {
            assertThat(statement.cql()).startsWith("DELETE FROM " + KEYSPACE + ".messages");
            assertThat(statement.writeTimestampMicros()).isEqualTo(7_000L);
        });
    }

    @Test
    void messageDayIsTheUtcDayOfTheEnvelopeTime() {
        VerifiedMessage late = Samples.inlinePost("s", 0);
        VerifiedMessage justBeforeMidnight = new VerifiedMessage(late.itemHash(), late.chain(), late.sender(), late.type(),
                late.itemType(), late.itemContent(), late.signature(), 1_714_607_999.999, late.channel(), late.owner(),
                late.contentTime(), late.size(), late.partition(), late.offset(), late.receivedMillis());

        CassandraWrite write = new MessageRows(KEYSPACE).toWrite(Samples.rowsOf(justBeforeMidnight));

        assertThat(columns(write.statements().get(1), "messages_by_sender")).containsEntry("day", LocalDate.of(2024, 5, 1));
    }

    @Test
    void statusIsWrittenWithItsVersionAsWriteTimestampAndExplicitNulls() {
        StatusUpdate processed = Samples.status("hash-1", MessageStatus.PROCESSED, 2);

        CassandraWrite write = new StatusRows(KEYSPACE).toWrite(processed);

        CqlStatement statement = write.statements().get(0);
        assertThat(write.statements()).hasSize(2);
        assertThat(write.statements()).allSatisfy(s -> assertThat(s.writeTimestampMicros()).isEqualTo(2L));
        assertThat(columns(write.statements().get(1), "status_history"))
                .containsEntry("item_hash", "hash-1")
                .containsEntry("version", 2L)
                .containsEntry("status", "processed");
        assertThat(statement.writeTimestampMicros()).isEqualTo(2L);
        assertThat(statement.nulls()).isEqualTo(CqlStatement.Nulls.WRITE_NULL);
        assertThat(columns(statement, "message_status"))
                .containsEntry("item_hash", "hash-1")
                .containsEntry("status", "processed")
                .containsEntry("error_code", null)
                .containsEntry("reason", null)
                .containsEntry("updated_at", Instant.ofEpochMilli(processed.updatedMillis()));
    }

    @Test
    void rejectedStatusCarriesItsCode() {
        CassandraWrite write = new StatusRows(KEYSPACE).toWrite(Samples.status("hash-1", MessageStatus.REJECTED, 1));

        assertThat(columns(write.statements().get(0), "message_status"))
                .containsEntry("status", "rejected")
                .containsEntry("error_code", 1)
                .containsEntry("reason", "signature does not match sender");
    }

    @Test
    void statusVersionsStartAtOne() {
        assertThatThrownBy(() -> new StatusRows(KEYSPACE).toWrite(Samples.status("h", MessageStatus.PENDING, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectionWithItemHashGoesToThreeTables() {
        long receivedMillis = 1_714_607_999_999L; // 2024-05-01T23:59:59.999Z
        Rejection rejection = Samples.rejection("{\"item_hash\":\"abc\"}", "abc", ErrorCode.INVALID_SIGNATURE, receivedMillis);

        CassandraWrite write = new RejectionRows(KEYSPACE).toWrite(rejection);

        assertThat(write.key()).isEqualTo(rejection.rejectionId());
        assertThat(write.statements()).hasSize(3);
        Map<String, Object> row = columns(write.statements().get(0), "rejected_messages");
        assertThat(row.keySet()).containsExactlyInAnyOrderElementsOf(TABLES.get("rejected_messages").keySet());
        assertThat(row).containsEntry("rejection_id", rejection.rejectionId())
                .containsEntry("item_hash", "abc")
                .containsEntry("error_code", 1)
                .containsEntry("error_name", "INVALID_SIGNATURE")
                .containsEntry("raw", rejection.raw())
                .containsEntry("raw_length", rejection.rawLength())
                .containsEntry("source_partition", 2)
                .containsEntry("source_offset", 42L)
                .containsEntry("received_at", Instant.ofEpochMilli(receivedMillis))
                .containsEntry("day", LocalDate.of(2024, 5, 1));
        assertThat(columns(write.statements().get(1), "rejections_by_day"))
                .containsEntry("day", LocalDate.of(2024, 5, 1))
                .containsEntry("error_code", 1)
                .containsEntry("rejection_id", rejection.rejectionId())
                .containsEntry("item_hash", "abc");
        assertThat(columns(write.statements().get(2), "rejections_by_item_hash"))
                .containsEntry("item_hash", "abc")
                .containsEntry("rejection_id", rejection.rejectionId())
                .containsEntry("error_code", 1);
    }

    @Test
    void rejectionWithoutItemHashSkipsTheItemHashTable() {
        Rejection unreadable = Samples.rejection("not json", null, ErrorCode.INVALID_FORMAT, 0L);

        CassandraWrite write = new RejectionRows(KEYSPACE).toWrite(unreadable);

        List<String> tables = write.statements().stream().map(s -> SchemaColumns.insert(s.cql()).table()).toList();
        assertThat(tables).containsExactly("rejected_messages", "rejections_by_day");
        assertThat(columns(write.statements().get(0), "rejected_messages")).containsEntry("error_code", 0)
                .containsEntry("day", LocalDate.of(1970, 1, 1));
    }

    @Test
    void mappingIsAPureFunction() {
        VerifiedMessage message = Samples.inlinePost("s", 1);
        assertThat(new MessageRows(KEYSPACE).toWrite(Samples.rowsOf(message))).isEqualTo(new MessageRows(KEYSPACE).toWrite(Samples.rowsOf(message)));
    }

    @Test
    void everyStateRowKindMapsOntoItsTablesAndIsDeletedAtItsVersion() {
        StateRowsMapper mapper = new StateRowsMapper(KEYSPACE);
        String post = "{\"type\":\"blog\",\"channel\":null,\"content\":{\"v\":1},\"latest\":\"h2\",\"amends\":[\"h2\"],"
                + "\"created\":1714564800.0,\"updated\":1714564900.0}";
        Map<StateRowChange.Kind, String> payloads = Map.of(
                StateRowChange.Kind.AGGREGATE, "{\"content\":{\"a\":1},\"revision\":\"h\",\"created\":1.0,\"updated\":2.0}",
                StateRowChange.Kind.POST, post,
                StateRowChange.Kind.TAG, "{\"file_hash\":\"f\",\"store\":\"s\",\"updated\":3.0}",
                StateRowChange.Kind.VM, "{\"type\":\"PROGRAM\",\"current\":\"c\",\"updates\":[]}",
                StateRowChange.Kind.PENDING, "{\"error_code\":101,\"reason\":\"r\",\"since\":1714564800000}");
        Map<StateRowChange.Kind, List<String>> tables = Map.of(
                StateRowChange.Kind.AGGREGATE, List.of("aggregates"),
                StateRowChange.Kind.POST, List.of("posts_by_owner", "posts_by_type"),
                StateRowChange.Kind.TAG, List.of("file_tags", "files_by_owner"),
                StateRowChange.Kind.VM, List.of("vms"),
                StateRowChange.Kind.PENDING, List.of("pending_messages"));
        for (StateRowChange.Kind kind : StateRowChange.Kind.values()) {
            CassandraWrite upsert = mapper.toWrite(new StateRowChange(kind, "0xowner", "key", payloads.get(kind), null, 42L));
            assertThat(upsert.statements()).as("%s", kind).hasSize(tables.get(kind).size());
            for (int i = 0; i < upsert.statements().size(); i++) {
                assertThat(columns(upsert.statements().get(i), tables.get(kind).get(i))).as("%s", kind).isNotEmpty();
                assertThat(upsert.statements().get(i).writeTimestampMicros()).isEqualTo(42L);
            }
            CassandraWrite delete = mapper.toWrite(new StateRowChange(kind, "0xowner", "key", null, payloads.get(kind), 43L));
            assertThat(delete.statements()).as("%s", kind).hasSize(tables.get(kind).size()).allSatisfy(statement -> {
                assertThat(statement.cql()).startsWith("DELETE FROM " + KEYSPACE + ".");
                assertThat(statement.writeTimestampMicros()).isEqualTo(43L);
            });
        }
        Map<String, Object> byType = columns(mapper.toWrite(
                new StateRowChange(StateRowChange.Kind.POST, "0xowner", "h1", post, null, 1L)).statements().get(1), "posts_by_type");
        assertThat(byType).containsEntry("type", "blog").containsEntry("day", LocalDate.of(2024, 5, 1))
                .containsEntry("content", "{\"v\":1}");
    }

    @Test
    void forgottenAndConsensusRowsMatchTheirTables() {
        assertThat(columns(new ForgottenRows(KEYSPACE).toWrite(new ForgottenRecord("h", "f1,f2", "0xo", "POST", "0xs",
                "ETH", null, 1.5, false, 9L)).statements().get(0), "forgotten_messages"))
                .containsEntry("forgotten_by", "[\"f1\",\"f2\"]");
        assertThat(columns(ConsensusRows.epochs(KEYSPACE).toWrite(new FinalEpoch(0, 100, 199, "root", "a,b", "ccn-1,ccn-2"))
                .statements().get(0), "epochs")).containsEntry("signers", "[\"ccn-1\",\"ccn-2\"]");
        assertThat(columns(ConsensusRows.signatures(KEYSPACE).toWrite(new EpochDigest("ccn-1", 0, 100, 199, "a", "root",
                "prev", "chain", "sig")).statements().get(0), "epoch_signatures")).containsEntry("ccn", "ccn-1");
        assertThat(columns(ConsensusRows.notes(KEYSPACE).toWrite(new ConsensusNote(ConsensusNote.Kind.DIVERGENCE, "ccn-3",
                "0:100-199", null, "x", "y", 1_714_564_800_000L)).statements().get(0), "consensus_notes"))
                .containsEntry("kind", "divergence").containsEntry("day", LocalDate.of(2024, 5, 1));
    }
}
