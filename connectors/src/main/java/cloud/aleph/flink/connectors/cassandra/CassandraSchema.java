package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.config.Identifiers;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;

/**
 * The Cassandra schema, kept as a versioned CQL resource ({@value #RESOURCE}) and applied
 * idempotently: every statement is {@code CREATE ... IF NOT EXISTS}, so applying it to a cluster
 * that already has the keyspace and tables changes nothing.
 */
public final class CassandraSchema {

    public static final String RESOURCE = "/cassandra/schema-v1.cql";

    /** Tables the schema creates, in the order of the file. */
    public static final List<String> TABLES = List.of(
            "messages",
            "messages_by_sender",
            "message_status",
            "rejected_messages",
            "rejections_by_day",
            "rejections_by_item_hash",
            "status_history",
            "messages_by_owner",
            "messages_by_type",
            "aggregates",
            "posts_by_owner",
            "posts_by_type",
            "file_tags",
            "files_by_owner",
            "vms",
            "forgotten_messages",
            "pending_messages",
            "epochs",
            "epoch_signatures",
            "consensus_notes");

    private static final Duration DDL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration AGREEMENT_TIMEOUT = Duration.ofSeconds(60);

    private CassandraSchema() {}

    /** The statements of the schema for a keyspace, placeholders substituted. */
    public static List<String> statements(String keyspace, int replicationFactor) {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + replicationFactor);
        }
        String text = resourceText()
                .replace("${keyspace}", Identifiers.requireKeyspace(keyspace))
                .replace("${replication_factor}", Integer.toString(replicationFactor));
        return split(text);
    }

    /** Splits CQL text into statements, dropping {@code --} comment lines and blank lines. */
    static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(trimmed);
            if (trimmed.endsWith(";")) {
                statements.add(current.substring(0, current.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            throw new IllegalStateException("CQL text ends without ';': " + current);
        }
        return statements;
    }

    /** Applies the schema of {@code conf}'s keyspace and replication factor. */
    public static List<String> apply(CqlSession session, Configuration conf) {
        return apply(session, CassandraOptions.keyspace(conf), conf.get(CassandraOptions.REPLICATION_FACTOR));
    }

    /**
     * Creates whatever is missing, waits until all nodes agree on the schema, and returns the
     * schema's tables as the driver's metadata now shows them (all of {@link #TABLES} on success).
     */
    public static List<String> apply(CqlSession session, String keyspace, int replicationFactor) {
        for (String cql : statements(keyspace, replicationFactor)) {
            session.execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
        }
        awaitSchemaAgreement(session);
        session.refreshSchema();
        List<String> present = existingTables(session, keyspace);
        if (!present.containsAll(TABLES)) {
            throw new IllegalStateException("schema applied but tables are missing in " + keyspace + ": found " + present);
        }
        return present;
    }

    /** Tables of {@link #TABLES} that exist in the keyspace, per the session's metadata. */
    public static List<String> existingTables(CqlSession session, String keyspace) {
        Optional<KeyspaceMetadata> metadata = session.getMetadata().getKeyspace(CqlIdentifier.fromCql(Identifiers.requireKeyspace(keyspace)));
        List<String> present = new ArrayList<>();
        metadata.ifPresent(ks -> {
            for (String table : TABLES) {
                if (ks.getTable(table).isPresent()) {
                    present.add(table);
                }
            }
        });
        return present;
    }

    private static void awaitSchemaAgreement(CqlSession session) {
        long deadline = System.nanoTime() + AGREEMENT_TIMEOUT.toNanos();
        while (!session.checkSchemaAgreement()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Cassandra nodes did not agree on the schema within " + AGREEMENT_TIMEOUT);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for schema agreement", e);
            }
        }
    }

    private static String resourceText() {
        try (InputStream in = CassandraSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
