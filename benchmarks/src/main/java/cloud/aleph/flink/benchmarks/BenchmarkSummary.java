package cloud.aleph.flink.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a JMH JSON result ({@code -rf json}) as a compact table: the median and range over every
 * measured iteration of every fork, beside JMH's mean and error. On a shared, noisy machine the
 * median is the figure to quote. Rows that differ only in {@code implementation} get a ratio line.
 */
public final class BenchmarkSummary {

    private static final String IMPLEMENTATION = "implementation";

    private BenchmarkSummary() {}

    /** One benchmark × parameter combination. */
    record Row(String benchmark, Map<String, String> params, String unit, double[] samples, double mean, double error) {

        double median() {
            double[] sorted = samples.clone();
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        double min() {
            return Arrays.stream(samples).min().orElse(Double.NaN);
        }

        double max() {
            return Arrays.stream(samples).max().orElse(Double.NaN);
        }

        String name() {
            return label(benchmark, params);
        }
    }

    /** "Class.method [key=value, ...]" without the package. */
    static String label(String benchmark, Map<String, String> params) {
        String simple = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        if (params.isEmpty()) {
            return simple;
        }
        StringBuilder out = new StringBuilder(simple).append(" [");
        String separator = "";
        for (Map.Entry<String, String> param : params.entrySet()) {
            out.append(separator).append(param.getKey()).append('=').append(param.getValue());
            separator = ", ";
        }
        return out.append(']').toString();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchmarkSummary <jmh-result.json>");
            System.exit(2);
        }
        print(read(new File(args[0])), System.out);
    }

    static List<Row> read(File json) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (JsonNode result : new ObjectMapper().readTree(json)) {
            Map<String, String> params = new TreeMap<>();
            result.path("params").fields().forEachRemaining(entry -> params.put(entry.getKey(), entry.getValue().asText()));
            JsonNode metric = result.path("primaryMetric");
            List<Double> samples = new ArrayList<>();
            for (JsonNode fork : metric.path("rawData")) {
                for (JsonNode iteration : fork) {
                    samples.add(iteration.asDouble());
                }
            }
            rows.add(new Row(result.path("benchmark").asText(), params, metric.path("scoreUnit").asText(),
                    samples.stream().mapToDouble(Double::doubleValue).toArray(),
                    metric.path("score").asDouble(), metric.path("scoreError").asDouble()));
        }
        return rows;
    }

    static void print(List<Row> rows, PrintStream out) {
        int width = rows.stream().mapToInt(row -> row.name().length()).max().orElse(9);
        String format = "%-" + width + "s  %12s  %25s  %22s  %s%n";
        out.printf(Locale.ROOT, format, "benchmark", "median", "min – max", "JMH mean ± error", "unit (samples)");
        for (Row row : rows) {
            out.printf(Locale.ROOT, format, row.name(), number(row.median()),
                    number(row.min()) + " – " + number(row.max()),
                    number(row.mean()) + " ± " + number(row.error()),
                    row.unit() + " (" + row.samples().length + ")");
        }
        printRatios(rows, out);
    }

    /** native / bouncycastle medians for rows that are otherwise the same benchmark and parameters. */
    private static void printRatios(List<Row> rows, PrintStream out) {
        Map<String, Map<String, Row>> byCase = new LinkedHashMap<>();
        for (Row row : rows) {
            String implementation = row.params().get(IMPLEMENTATION);
            if (implementation != null) {
                Map<String, String> others = new TreeMap<>(row.params());
                others.remove(IMPLEMENTATION);
                byCase.computeIfAbsent(label(row.benchmark(), others), key -> new LinkedHashMap<>()).put(implementation, row);
            }
        }
        byCase.forEach((label, implementations) -> {
            Row nativeRow = implementations.get("native");
            Row pureJava = implementations.get("bouncycastle");
            if (nativeRow != null && pureJava != null) {
                out.printf(Locale.ROOT, "native / bouncycastle, %s: %.2fx (medians)%n",
                        label, nativeRow.median() / pureJava.median());
            }
        });
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
