package cloud.aleph.flink.jobs;

import cloud.aleph.flink.connectors.kafka.RawTopicPublisher;
import cloud.aleph.flink.jobs.workload.WorkloadMessage;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;

/** Publishes a workload to the raw topic, at once or at a steady rate, through the production publisher. */
final class NetworkWorkload {

    private NetworkWorkload() {}

    static void publish(Configuration conf, List<WorkloadMessage> workload) {
        publishPaced(conf, workload, Double.POSITIVE_INFINITY);
    }

    /**
     * Publishes message i at {@code i / perSecond} seconds after the first (each record's Kafka
     * timestamp is its publication time) and waits for every acknowledgement.
     *
     * @return how long publishing took
     */
    static Duration publishPaced(Configuration conf, List<WorkloadMessage> workload, double perSecond) {
        long start = System.nanoTime();
        try (RawTopicPublisher publisher = new RawTopicPublisher(conf)) {
            for (int i = 0; i < workload.size(); i++) {
                long due = start + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while publishing", e);
                    }
                }
                publisher.publish(workload.get(i).json());
            }
            publisher.flush(acknowledged -> { });
            if (publisher.acknowledged() != workload.size()) {
                throw new AssertionError(publisher.acknowledged() + " of " + workload.size() + " messages acknowledged");
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
