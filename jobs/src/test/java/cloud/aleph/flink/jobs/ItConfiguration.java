package cloud.aleph.flink.jobs;

import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.connectors.config.ObjectStoreOptions;
import cloud.aleph.flink.infra.local.Stack;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;

/** Job and connector options pointing at the embedded stack, with names unique to one test class. */
final class ItConfiguration {

    /** Short enough for the rejected topic to show each checkpoint's rejections quickly. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(500);

    /**
     * How long a message waits for a missing dependency: short, so that every wait expires within
     * a test and the state can be compared with the oracle's after expiry.
     */
    static final Duration MAX_WAIT = Duration.ofSeconds(3);

    /**
     * How long the exported state must stay unchanged before it counts as settled: several
     * evaluation delays (200 ms) and checkpoint intervals, beyond which the sinks have flushed.
     */
    static final Duration QUIET = Duration.ofSeconds(2);

    private ItConfiguration() {}

    /**
     * @param name short lower-case name of the test class (letters and digits): it names the topics,
     *     keyspace, bucket and CCN (hence the consumer group and transactional ids), so test classes
     *     never share any of them
     */
    static Configuration of(Stack stack, String name) {
        Configuration conf = new Configuration();
        conf.set(KafkaOptions.BOOTSTRAP_SERVERS, stack.kafkaBootstrapServers());
        conf.set(KafkaOptions.RAW_TOPIC, "it.jobs." + name + ".raw");
        conf.set(KafkaOptions.REJECTED_TOPIC, "it.jobs." + name + ".rejected");
        conf.set(KafkaOptions.ATTESTATIONS_TOPIC, "it.jobs." + name + ".attestations");
        conf.set(KafkaOptions.DIGESTS_TOPIC, "it.jobs." + name + ".digests");
        conf.set(KafkaOptions.GROUP_ID, "it-jobs-" + name);
        conf.set(CassandraOptions.CONTACT_POINTS, stack.cassandraContactPoint());
        conf.set(CassandraOptions.LOCAL_DATACENTER, stack.cassandraDatacenter());
        conf.set(CassandraOptions.KEYSPACE, "it_jobs_" + name);
        conf.set(ObjectStoreOptions.ENDPOINT, stack.s3Endpoint());
        conf.set(ObjectStoreOptions.ACCESS_KEY, stack.s3AccessKey());
        conf.set(ObjectStoreOptions.SECRET_KEY, stack.s3SecretKey());
        conf.set(ObjectStoreOptions.REGION, stack.s3Region());
        conf.set(ObjectStoreOptions.BUCKET, "it-jobs-" + name);
        conf.set(JobOptions.CCN_ID, "it-" + name);
        conf.set(JobOptions.CHECKPOINT_INTERVAL, CHECKPOINT_INTERVAL);
        conf.set(JobOptions.MAX_WAIT, MAX_WAIT);
        return conf;
    }
}
