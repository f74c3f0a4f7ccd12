package cloud.aleph.flink.connectors.cassandra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads table columns out of the schema file and INSERT columns out of statements, to check that they match. */
final class SchemaColumns {

    private static final Pattern TABLE = Pattern.compile("CREATE TABLE IF NOT EXISTS (\\w+)\\.(\\w+) \\((.*)\\)(?: WITH .*)?", Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("^(\\w+) (text|int|bigint|double|timestamp|date)(?: PRIMARY KEY)?,?$");
    private static final Pattern INSERT = Pattern.compile("INSERT INTO (\\w+)\\.(\\w+) \\(([^)]*)\\) VALUES \\(([^)]*)\\)");

    private SchemaColumns() {}

    /** table → (column → CQL type), in file order. */
    static Map<String, Map<String, String>> tables(String keyspace) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        for (String statement : CassandraSchema.statements(keyspace, 1)) {
            Matcher table = TABLE.matcher(statement);
            if (!table.matches()) {
                continue;
            }
            Map<String, String> columns = new LinkedHashMap<>();
            for (String line : table.group(3).split("\n")) {
                Matcher column = COLUMN.matcher(line.strip());
                if (column.matches()) {
                    columns.put(column.group(1), column.group(2));
                }
            }
            tables.put(table.group(2), columns);
        }
        return tables;
    }

    record Insert(String keyspace, String table, List<String> columns, int markers) {}

    static Insert insert(String cql) {
        Matcher matcher = INSERT.matcher(cql);
        if (!matcher.matches()) {
            throw new AssertionError("not a plain INSERT: " + cql);
        }
        List<String> columns = new ArrayList<>();
        for (String column : matcher.group(3).split(",")) {
            columns.add(column.strip());
        }
        int markers = matcher.group(4).split(",").length;
        return new Insert(matcher.group(1), matcher.group(2), columns, markers);
    }
}
