package cloud.aleph.flink.connectors;

import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.connectors.config.ObjectStoreOptions;
import cloud.aleph.flink.infra.local.Stack;
import org.apache.flink.configuration.Configuration;

/** Connector configuration pointing at the embedded stack, with names unique to one test class. */
public final class StackConfiguration {

    private StackConfiguration() {}

    /**
     * @param name short lower-case name of the test class (letters and digits), used in the
     *     keyspace, topic and bucket names so that test classes never share them
     */
    public static Configuration of(Stack stack, String name) {
        Configuration conf = new Configuration();
        conf.set(KafkaOptions.BOOTSTRAP_SERVERS, stack.kafkaBootstrapServers());
        conf.set(KafkaOptions.RAW_TOPIC, "it." + name + ".raw");
        conf.set(KafkaOptions.REJECTED_TOPIC, "it." + name + ".rejected");
        conf.set(KafkaOptions.ATTESTATIONS_TOPIC, "it." + name + ".attestations");
        conf.set(KafkaOptions.DIGESTS_TOPIC, "it." + name + ".digests");
        conf.set(KafkaOptions.GROUP_ID, "it-" + name);
        conf.set(CassandraOptions.CONTACT_POINTS, stack.cassandraContactPoint());
        conf.set(CassandraOptions.LOCAL_DATACENTER, stack.cassandraDatacenter());
        conf.set(CassandraOptions.KEYSPACE, "it_" + name);
        conf.set(ObjectStoreOptions.ENDPOINT, stack.s3Endpoint());
        conf.set(ObjectStoreOptions.ACCESS_KEY, stack.s3AccessKey());
        conf.set(ObjectStoreOptions.SECRET_KEY, stack.s3SecretKey());
        conf.set(ObjectStoreOptions.REGION, stack.s3Region());
        conf.set(ObjectStoreOptions.BUCKET, "it-" + name);
        return conf;
    }
}
