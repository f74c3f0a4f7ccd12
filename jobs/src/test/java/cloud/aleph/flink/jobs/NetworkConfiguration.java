package cloud.aleph.flink.jobs;

import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.connectors.config.ObjectStoreOptions;
import cloud.aleph.flink.infra.local.Stack;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;

/**
 * Options of one test network on the embedded stack: topics, keyspace and bucket named after the
 * scenario, small epochs and short checkpoints. No consumer group is set: every CCN job derives
 * its own from its id, and the agreement gets {@link #agreementGroup}.
 */
final class NetworkConfiguration {

    static final int EPOCH_SIZE = 10;
    static final int PARTITIONS = 2;
    static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(500);

    private NetworkConfiguration() {}

    /** @param scenario short lower-case name (letters and digits) */
    static Configuration of(Stack stack, String scenario) {
        Configuration conf = new Configuration();
        conf.set(KafkaOptions.BOOTSTRAP_SERVERS, stack.kafkaBootstrapServers());
        String topics = "it.consensus." + scenario + ".";
        conf.set(KafkaOptions.RAW_TOPIC, topics + "raw");
        conf.set(KafkaOptions.REJECTED_TOPIC, topics + "rejected");
        conf.set(KafkaOptions.ATTESTATIONS_TOPIC, topics + "attestations");
        conf.set(KafkaOptions.DIGESTS_TOPIC, topics + "digests");
        conf.set(KafkaOptions.RAW_PARTITIONS, PARTITIONS);
        conf.set(KafkaOptions.REJECTED_PARTITIONS, PARTITIONS);
        conf.set(KafkaOptions.CONSENSUS_PARTITIONS, PARTITIONS);
        conf.set(CassandraOptions.CONTACT_POINTS, stack.cassandraContactPoint());
        conf.set(CassandraOptions.LOCAL_DATACENTER, stack.cassandraDatacenter());
        conf.set(CassandraOptions.KEYSPACE, "it_consensus_" + scenario);
        conf.set(ObjectStoreOptions.ENDPOINT, stack.s3Endpoint());
        conf.set(ObjectStoreOptions.ACCESS_KEY, stack.s3AccessKey());
        conf.set(ObjectStoreOptions.SECRET_KEY, stack.s3SecretKey());
        conf.set(ObjectStoreOptions.REGION, stack.s3Region());
        conf.set(ObjectStoreOptions.BUCKET, "it-consensus-" + scenario);
        conf.set(JobOptions.EPOCH_SIZE, EPOCH_SIZE);
        conf.set(JobOptions.CHECKPOINT_INTERVAL, CHECKPOINT_INTERVAL);
        return conf;
    }

    /** The agreement job's consumer group, which also names its transactional ids. */
    static String agreementGroup(Configuration conf) {
        return "it-consensus-agreement-" + conf.get(CassandraOptions.KEYSPACE);
    }
}
