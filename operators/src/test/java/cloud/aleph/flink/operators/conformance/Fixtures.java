package cloud.aleph.flink.operators.conformance;

import cloud.aleph.flink.operators.model.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The conformance data of src/test/resources/conformance (see its README). */
public final class Fixtures {

    /** One line of aleph-fixtures.jsonl with its row of expectations.csv. */
    public record Fixture(
            int line,
            String id,
            String chain,
            String json,
            Expected now,
            Expected withAllChains,
            String quirk,
            String notes) {

        @Override
        public String toString() {
            return line + " " + id + " " + chain;
        }
    }

    /** An expected verdict: accepted (code null) or rejected with a code. */
    public record Expected(boolean accepted, ErrorCode code) {

        static Expected parse(String verdict, String code) {
            switch (verdict) {
                case "accepted":
                    if (!code.isEmpty()) {
                        throw new IllegalArgumentException("accepted with a code: " + code);
                    }
                    return new Expected(true, null);
                case "rejected":
                    return new Expected(false, ErrorCode.fromCode(Integer.parseInt(code)));
                default:
                    throw new IllegalArgumentException("unknown verdict " + verdict);
            }
        }
    }

    private Fixtures() {}

    public static List<String> fixtureLines() {
        return readLines("/conformance/aleph-fixtures.jsonl");
    }

    public static List<String> contentTemplateLines() {
        return readLines("/conformance/aleph-content-templates.jsonl");
    }

    /** Every fixture line joined with its expectations; fails when the two files disagree in length or order. */
    public static List<Fixture> all() {
        List<String> lines = fixtureLines();
        List<String> rows = readLines("/conformance/expectations.csv");
        if (!rows.get(0).equals("line,id,chain,verdict,code,verdict_all_chains,code_all_chains,quirk,notes")) {
            throw new IllegalStateException("unexpected header " + rows.get(0));
        }
        if (rows.size() - 1 != lines.size()) {
            throw new IllegalStateException(lines.size() + " fixture lines but " + (rows.size() - 1) + " expectation rows");
        }
        List<Fixture> fixtures = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",", 9);
            if (cells.length != 9 || Integer.parseInt(cells[0]) != i) {
                throw new IllegalStateException("bad expectations row " + i + ": " + rows.get(i));
            }
            fixtures.add(new Fixture(
                    i,
                    cells[1],
                    cells[2],
                    lines.get(i - 1),
                    Expected.parse(cells[3], cells[4]),
                    Expected.parse(cells[5], cells[6]),
                    cells[7],
                    cells[8]));
        }
        return fixtures;
    }

    private static List<String> readLines(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
