package cloud.aleph.flink.connectors.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CassandraSchemaTest {

    @Test
    void everyStatementIsAnIdempotentCreateInTheGivenKeyspace() {
        List<String> statements = CassandraSchema.statements("aleph_test", 3);

        assertThat(statements).hasSize(1 + CassandraSchema.TABLES.size());
        assertThat(statements).allSatisfy(cql -> {
            assertThat(cql).startsWith("CREATE ").contains(" IF NOT EXISTS aleph_test").doesNotContain("${").doesNotContain(";");
        });
        assertThat(statements.get(0))
                .startsWith("CREATE KEYSPACE IF NOT EXISTS aleph_test")
                .contains("'replication_factor': 3");
    }

    @Test
    void createsExactlyTheDocumentedTables() {
        Map<String, Map<String, String>> tables = SchemaColumns.tables("aleph");

        assertThat(tables.keySet()).containsExactlyElementsOf(CassandraSchema.TABLES);
        assertThat(tables.get("message_status")).containsExactly(
                Map.entry("item_hash", "text"),
                Map.entry("status", "text"),
                Map.entry("error_code", "int"),
                Map.entry("reason", "text"),
                Map.entry("updated_at", "timestamp"),
                Map.entry("epoch", "text"));
        assertThat(tables.get("messages")).containsEntry("time", "double").containsEntry("content_time", "double")
                .containsEntry("size", "int").containsEntry("source_offset", "bigint").hasSize(15);
    }

    @Test
    void clusteringAndPartitionKeysAreQueryFirst() {
        List<String> statements = CassandraSchema.statements("aleph", 1);
        assertThat(statements).anySatisfy(cql -> assertThat(cql)
                .contains("aleph.messages_by_sender")
                .contains("PRIMARY KEY ((sender, day), time, item_hash)")
                .contains("WITH CLUSTERING ORDER BY (time DESC, item_hash ASC)"));
        assertThat(statements).anySatisfy(cql -> assertThat(cql)
                .contains("aleph.rejections_by_day").contains("PRIMARY KEY ((day), error_code, rejection_id)"));
        assertThat(statements).anySatisfy(cql -> assertThat(cql)
                .contains("aleph.rejections_by_item_hash").contains("PRIMARY KEY ((item_hash), rejection_id)"));
    }

    @Test
    void everyTableIsDocumentedWithAnExampleQuery() throws IOException {
        String text;
        try (InputStream in = CassandraSchema.class.getResourceAsStream(CassandraSchema.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String table : CassandraSchema.TABLES) {
            int create = text.indexOf("CREATE TABLE IF NOT EXISTS ${keyspace}." + table + " (");
            int previous = text.lastIndexOf("CREATE ", create - 1);
            String comment = text.substring(previous, create);
            assertThat(comment).as(table).contains("-- Example: SELECT").contains("${keyspace}." + table);
        }
    }

    @Test
    void splitDropsCommentsAndRequiresTerminators() {
        assertThat(CassandraSchema.split("-- a comment; with a semicolon\nCREATE A\n  (x);\n\nCREATE B;\n"))
                .containsExactly("CREATE A\n(x)", "CREATE B");
        assertThatThrownBy(() -> CassandraSchema.split("CREATE A")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsBadKeyspaceAndReplication() {
        assertThatThrownBy(() -> CassandraSchema.statements("bad-name", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CassandraSchema.statements("aleph", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
