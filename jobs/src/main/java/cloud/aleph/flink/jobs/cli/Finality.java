package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.cassandra.OutcomeReader;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.kafka.ConsensusTopics;
import cloud.aleph.flink.operators.model.MessageStatus;
import com.datastax.oss.driver.api.core.CqlSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;

/**
 * Finality of a workload's messages on a network of CCNs: how many are final, and the latency from
 * publishing a message to its final status (Kafka timestamp of the record to the time the status
 * became final), with what each CCN published.
 */
final class Finality {

    private final Map<String, Integer> statuses;
    private final List<Long> latenciesMillis;

    private Finality(Map<String, Integer> statuses, List<Long> latenciesMillis) {
        this.statuses = statuses;
        this.latenciesMillis = latenciesMillis;
    }

    /** Waits until every accepted message is final (or the timeout passes), then measures. */
    static Finality await(Configuration configuration, List<String> accepted, Duration timeout, Terminal terminal)
            throws InterruptedException {
        Terminal.Bar bar = terminal.bar("final", accepted.size());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (CqlSession session = CassandraSessions.open(configuration)) {
            OutcomeReader reader = new OutcomeReader(session, CassandraOptions.keyspace(configuration));
            Map<String, OutcomeReader.Status> current;
            while (true) {
                current = reader.statuses(accepted);
                long done = current.values().stream().filter(s -> MessageStatus.FINAL.wire().equals(s.status())).count();
                bar.update(done);
                if (done == accepted.size() || System.nanoTime() > deadline) {
                    bar.done(done);
                    break;
                }
                Thread.sleep(500);
            }
            Map<String, Integer> byStatus = new TreeMap<>();
            current.values().forEach(s -> byStatus.merge(s.status(), 1, Integer::sum));
            List<String> finals = current.entrySet().stream()
                    .filter(e -> MessageStatus.FINAL.wire().equals(e.getValue().status())).map(Map.Entry::getKey).toList();
            Map<String, Instant> received = reader.receivedAt(finals);
            List<Long> latencies = new ArrayList<>();
            for (String hash : finals) {
                Instant published = received.get(hash);
                Instant isFinal = current.get(hash).updatedAt();
                if (published != null && isFinal != null) {
                    latencies.add(Duration.between(published, isFinal).toMillis());
                }
            }
            Collections.sort(latencies);
            return new Finality(byStatus, latencies);
        }
    }

    void print(Configuration configuration, Set<String> ccns, double publishRate) {
        System.out.println();
        System.out.println("Consensus");
        System.out.printf(Locale.ROOT, "  %-11s %s%n", "statuses", statuses + " (of the valid messages)");
        if (!latenciesMillis.isEmpty()) {
            System.out.printf(Locale.ROOT, "  %-11s median %d ms, p99 %d ms, max %d ms over %d messages published at %.0f/s%n",
                    "to final", percentile(50), percentile(99), latenciesMillis.get(latenciesMillis.size() - 1),
                    latenciesMillis.size(), publishRate);
        }
        Map<String, Long> attestations = ConsensusTopics.attestationsPerCcn(configuration);
        Map<String, Long> digests = ConsensusTopics.digestsPerCcn(configuration);
        for (String ccn : ccns) {
            System.out.printf(Locale.ROOT, "  %-11s %d attestations, %d epoch digests%n",
                    ccn, attestations.getOrDefault(ccn, 0L), digests.getOrDefault(ccn, 0L));
        }
    }

    private long percentile(int p) {
        int index = (int) Math.ceil(p / 100.0 * latenciesMillis.size()) - 1;
        return latenciesMillis.get(Math.max(0, Math.min(index, latenciesMillis.size() - 1)));
    }
}
