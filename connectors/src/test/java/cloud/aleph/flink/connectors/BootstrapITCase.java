package cloud.aleph.flink.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.connectors.cassandra.CassandraSchema;
import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.config.EnvironmentOverlay;
import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.connectors.s3.ObjectStoreClients;
import cloud.aleph.flink.infra.local.Stack;
import cloud.aleph.flink.infra.local.StackExtension;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StackExtension.class)
class BootstrapITCase {

    @Test
    void createsTopicsSchemaAndBucketOnceAndIsSafeToRunAgain(Stack stack) throws Exception {
        Configuration conf = StackConfiguration.of(stack, "bootstrap");
        conf.set(KafkaOptions.RAW_PARTITIONS, 3);
        String raw = conf.get(KafkaOptions.RAW_TOPIC);
        String rejected = conf.get(KafkaOptions.REJECTED_TOPIC);
        String attestations = conf.get(KafkaOptions.ATTESTATIONS_TOPIC);
        String digests = conf.get(KafkaOptions.DIGESTS_TOPIC);

        Bootstrap.Result first = Bootstrap.run(conf);
        Bootstrap.Result second = Bootstrap.run(conf);

        assertThat(first.topicsCreated()).containsExactlyInAnyOrder(raw, rejected, attestations, digests);
        assertThat(first.topicsExisting()).isEmpty();
        assertThat(first.bucketCreated()).isTrue();
        assertThat(second.topicsCreated()).isEmpty();
        assertThat(second.topicsExisting()).containsExactlyInAnyOrder(raw, rejected, attestations, digests);
        assertThat(second.bucketCreated()).isFalse();
        assertThat(first.tables()).containsExactlyElementsOf(CassandraSchema.TABLES);
        assertThat(second.tables()).containsExactlyElementsOf(CassandraSchema.TABLES);
        assertThat(second.keyspace()).isEqualTo("it_bootstrap");

        // Checked from the outside, with each server's own client.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(raw, rejected)).allTopicNames().get();
            assertThat(topics.get(raw).partitions()).hasSize(3);
            assertThat(topics.get(rejected).partitions()).hasSize(4);
        }
        try (CqlSession session = CassandraSessions.open(conf)) {
            KeyspaceMetadata keyspace = session.getMetadata().getKeyspace(CqlIdentifier.fromCql("it_bootstrap")).orElseThrow();
            assertThat(keyspace.getReplication()).containsEntry("replication_factor", "1");
            for (String table : CassandraSchema.TABLES) {
                assertThat(keyspace.getTable(table)).as(table).isPresent();
            }
            assertThat(keyspace.getTable("messages_by_sender").orElseThrow().getClusteringColumns().values())
                    .extracting(Enum::name)
                    .containsExactly("DESC", "ASC");
        }
        MinioClient client = ObjectStoreClients.blocking(conf);
        try {
            assertThat(client.bucketExists(BucketExistsArgs.builder().bucket("it-bootstrap").build())).isTrue();
        } finally {
            client.close();
        }
    }

    @Test
    void addressesCanComeFromTheEnvironmentAlone(Stack stack) throws Exception {
        Map<String, String> environment = Map.ofEntries(
                Map.entry("ALEPH_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers()),
                Map.entry("ALEPH_KAFKA_RAW_TOPIC", "it.bootstrapenv.raw"),
                Map.entry("ALEPH_KAFKA_REJECTED_TOPIC", "it.bootstrapenv.rejected"),
                Map.entry("ALEPH_KAFKA_ATTESTATIONS_TOPIC", "it.bootstrapenv.attestations"),
                Map.entry("ALEPH_KAFKA_DIGESTS_TOPIC", "it.bootstrapenv.digests"),
                Map.entry("ALEPH_KAFKA_TRUSTED_TOPIC", "it.bootstrapenv.trusted"),
                Map.entry("ALEPH_KAFKA_TRUSTED_PARTITIONS", "2"),
                Map.entry("ALEPH_CASSANDRA_CONTACT_POINTS", stack.cassandraContactPoint()),
                Map.entry("ALEPH_CASSANDRA_LOCAL_DATACENTER", stack.cassandraDatacenter()),
                Map.entry("ALEPH_CASSANDRA_KEYSPACE", "it_bootstrapenv"),
                Map.entry("ALEPH_S3_ENDPOINT", stack.s3Endpoint()),
                Map.entry("ALEPH_S3_ACCESS_KEY", stack.s3AccessKey()),
                Map.entry("ALEPH_S3_SECRET_KEY", stack.s3SecretKey()),
                Map.entry("ALEPH_S3_REGION", stack.s3Region()),
                Map.entry("ALEPH_S3_BUCKET", "it-bootstrapenv"));

        Bootstrap.Result result = Bootstrap.run(EnvironmentOverlay.apply(new Configuration(), environment));

        assertThat(result.topicsCreated()).containsExactlyInAnyOrder("it.bootstrapenv.raw", "it.bootstrapenv.rejected",
                "it.bootstrapenv.attestations", "it.bootstrapenv.digests", "it.bootstrapenv.trusted");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            assertThat(admin.describeTopics(List.of("it.bootstrapenv.trusted")).allTopicNames().get()
                    .get("it.bootstrapenv.trusted").partitions()).as("partitions of the trusted topic").hasSize(2);
        }
        assertThat(result.keyspace()).isEqualTo("it_bootstrapenv");
        assertThat(result.tables()).containsExactlyElementsOf(CassandraSchema.TABLES);
        assertThat(result.bucket()).isEqualTo("it-bootstrapenv");
        assertThat(result.bucketCreated()).isTrue();
    }
}
