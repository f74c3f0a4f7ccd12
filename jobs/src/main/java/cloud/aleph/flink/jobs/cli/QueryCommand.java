package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.connectors.cassandra.CassandraQueries;
import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Reads the agreed state from Cassandra: one JSON object per row on standard output. */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = "Read messages, statuses and rejections from Cassandra (one JSON object per row).",
        subcommands = {
            QueryCommand.Message.class,
            QueryCommand.Status.class,
            QueryCommand.History.class,
            QueryCommand.Rejections.class,
            QueryCommand.Rejection.class,
            QueryCommand.RejectionsOfDay.class,
            QueryCommand.Sender.class
        })
final class QueryCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs one query with a session on the configured Cassandra; exit code 1 when nothing was found. */
    abstract static class Query implements Callable<Integer> {
        @Mixin
        ConnectionOptions connections;

        abstract List<Map<String, Object>> rows(CassandraQueries queries);

        @Override
        public Integer call() throws Exception {
            Configuration configuration = connections.configuration();
            try (CqlSession session = CassandraSessions.open(configuration)) {
                List<Map<String, Object>> rows = rows(new CassandraQueries(session, CassandraOptions.keyspace(configuration)));
                for (Map<String, Object> row : rows) {
                    ObjectNode node = JSON.createObjectNode();
                    row.forEach((column, value) -> node.set(column, value == null ? node.nullNode()
                            : value instanceof Number || value instanceof Boolean || value instanceof String
                                    ? JSON.valueToTree(value) : node.textNode(value.toString())));
                    System.out.println(JSON.writeValueAsString(node));
                }
                if (rows.isEmpty()) {
                    System.err.println("nothing found");
                    return 1;
                }
                return 0;
            }
        }

        static List<Map<String, Object>> list(Optional<Map<String, Object>> row) {
            return row.map(List::of).orElse(List.of());
        }
    }

    @Command(name = "message", mixinStandardHelpOptions = true, description = "The stored message with this item_hash.")
    static final class Message extends Query {
        @Parameters(paramLabel = "ITEM_HASH") String itemHash;

        @Override
        List<Map<String, Object>> rows(CassandraQueries queries) {
            return list(queries.messageByHash(itemHash));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Status of an item_hash (processed, rejected, ...), with the error code of a rejection.")
    static final class Status extends Query {
        @Parameters(paramLabel = "ITEM_HASH") String itemHash;

        @Override
        List<Map<String, Object>> rows(CassandraQueries queries) {
            return list(queries.statusByHash(itemHash));
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Every status an item_hash went through, oldest first, with its version.")
    static final class History extends Query {
        @Parameters(paramLabel = "ITEM_HASH") String itemHash;

        @Override
        List<Map<String, Object>> rows(CassandraQueries queries) {
            return queries.statusHistory(itemHash);
        }
    }

    @Command(name = "rejections", mixinStandardHelpOptions = true,
            description = "Every rejected copy received for an item_hash.")
    static final class Rejections extends Query {
        @Parameters(paramLabel = "ITEM_HASH") String itemHash;

        @Override
        List<Map<String, Object>> rows(CassandraQueries queries) {
            return queries.rejectionsByItemHash(itemHash);
        }
    }

    @Command(name = "rejection", mixinStandardHelpOptions = true,
            description = "A rejection record in full (raw input included), by rejection_id (sha256 of the raw bytes).")
    static final class Rejection extends Query {
        @Parameters(paramLabel = "REJECTION_ID") String rejectionId;

        @Override
        List<Map<String, Object>> rows(CassandraQueries queries) {
            return list(queries.rejectionById(rejectionId));
        }
    }

    @Command(name = "rejections-of-day", mixinStandardHelpOptions = true,
            description = "Rejections received on a UTC day (YYYY-MM-DD), by error code.")
    static final class RejectionsOfDay extends Query {
        @Parameters(paramLabel = "DAY") LocalDate day;

        @Option(names = "--limit", defaultValue = "100", description = "At most this many rows (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        List<Map<String, Object>> rows(CassandraQueries queries) {
            return queries.rejectionsOfDay(day, limit);
        }
    }

    @Command(name = "sender", mixinStandardHelpOptions = true,
            description = "Messages of a sender whose envelope time falls on a UTC day (YYYY-MM-DD), newest first.")
    static final class Sender extends Query {
        @Parameters(index = "0", paramLabel = "SENDER") String sender;

        @Parameters(index = "1", paramLabel = "DAY") LocalDate day;

        @Option(names = "--limit", defaultValue = "100", description = "At most this many rows (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        List<Map<String, Object>> rows(CassandraQueries queries) {
            return queries.messagesOfSenderOnDay(sender, day, limit);
        }
    }

}
