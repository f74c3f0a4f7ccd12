package cloud.aleph.flink.connectors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.junit.jupiter.api.Test;

class EnvironmentOverlayTest {

    @Test
    void variableNameIsUpperCaseWithUnderscores() {
        assertThat(EnvironmentOverlay.variableName("aleph.kafka.bootstrap-servers")).isEqualTo("ALEPH_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(EnvironmentOverlay.variableName("aleph.s3.access-key")).isEqualTo("ALEPH_S3_ACCESS_KEY");
    }

    @Test
    void environmentWinsOverConfigurationAndIsTyped() {
        Configuration base = new Configuration();
        base.set(KafkaOptions.BOOTSTRAP_SERVERS, "from-config:9092");
        base.set(CassandraOptions.KEYSPACE, "kept");

        Configuration result = EnvironmentOverlay.apply(base, Map.of(
                "ALEPH_KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092,broker-2:9092",
                "ALEPH_KAFKA_RAW_PARTITIONS", "12",
                "ALEPH_KAFKA_TRUSTED_TOPIC", "aleph.messages.trusted",
                "ALEPH_KAFKA_TRANSACTION_TIMEOUT", "90 s",
                "ALEPH_CASSANDRA_CONTACT_POINTS", "cass:9042",
                "ALEPH_S3_ENDPOINT", "http://minio:9000"));

        assertThat(result.get(KafkaOptions.BOOTSTRAP_SERVERS)).isEqualTo("broker-1:9092,broker-2:9092");
        assertThat(result.get(KafkaOptions.RAW_PARTITIONS)).isEqualTo(12);
        assertThat(KafkaOptions.trustedTopic(result)).contains("aleph.messages.trusted");
        assertThat(result.get(KafkaOptions.TRANSACTION_TIMEOUT)).isEqualTo(Duration.ofSeconds(90));
        assertThat(result.get(CassandraOptions.CONTACT_POINTS)).isEqualTo("cass:9042");
        assertThat(result.get(ObjectStoreOptions.ENDPOINT)).isEqualTo("http://minio:9000");
        assertThat(result.get(CassandraOptions.KEYSPACE)).isEqualTo("kept");
        // the base is not modified
        assertThat(base.get(KafkaOptions.BOOTSTRAP_SERVERS)).isEqualTo("from-config:9092");
    }

    @Test
    void blankAndUnknownVariablesAreIgnored() {
        Configuration base = new Configuration();
        base.set(KafkaOptions.GROUP_ID, "group-a");

        Configuration result = EnvironmentOverlay.apply(base, Map.of(
                "ALEPH_KAFKA_GROUP_ID", "  ",
                "ALEPH_SOMETHING_ELSE", "x",
                "PATH", "/usr/bin"));

        assertThat(result.toMap()).isEqualTo(base.toMap());
    }

    @Test
    void malformedValueNamesTheVariable() {
        assertThatThrownBy(() -> EnvironmentOverlay.apply(new Configuration(), Map.of("ALEPH_KAFKA_RAW_PARTITIONS", "four")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALEPH_KAFKA_RAW_PARTITIONS");
    }

    @Test
    void missingRequiredAddressNamesKeyAndVariable() {
        assertThatThrownBy(() -> KafkaOptions.bootstrapServers(new Configuration()))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("aleph.kafka.bootstrap-servers")
                .hasMessageContaining("ALEPH_KAFKA_BOOTSTRAP_SERVERS");
        assertThatThrownBy(() -> CassandraOptions.contactPoints(new Configuration()))
                .hasMessageContaining("ALEPH_CASSANDRA_CONTACT_POINTS");
        assertThatThrownBy(() -> ObjectStoreOptions.endpoint(new Configuration()))
                .hasMessageContaining("ALEPH_S3_ENDPOINT");
    }

    @Test
    void everyOptionIsDescribedUniqueAndNamespaced() {
        List<ConfigOption<?>> options = EnvironmentOverlay.connectorOptions();
        Set<String> variables = new HashSet<>();
        for (ConfigOption<?> option : options) {
            assertThat(option.key()).startsWith("aleph.");
            assertThat(option.description().toString()).as(option.key()).isNotBlank();
            assertThat(variables.add(EnvironmentOverlay.variableName(option.key())))
                    .as("environment variable of %s is unique", option.key())
                    .isTrue();
        }
        assertThat(options).hasSize(KafkaOptions.all().size() + CassandraOptions.all().size() + ObjectStoreOptions.all().size());
    }

    @Test
    void documentedDefaults() {
        Configuration empty = new Configuration();
        assertThat(empty.get(KafkaOptions.RAW_TOPIC)).isEqualTo("aleph.messages.raw");
        assertThat(empty.get(KafkaOptions.REJECTED_TOPIC)).isEqualTo("aleph.messages.rejected");
        assertThat(empty.get(KafkaOptions.RAW_PARTITIONS)).isEqualTo(4);
        assertThat(KafkaOptions.trustedTopic(empty)).as("no trusted input unless configured").isEmpty();
        assertThat(empty.get(KafkaOptions.TRUSTED_PARTITIONS)).isEqualTo(1);
        assertThat(empty.get(KafkaOptions.TRANSACTION_TIMEOUT)).isEqualTo(Duration.ofSeconds(60));
        assertThat(empty.get(CassandraOptions.LOCAL_DATACENTER)).isEqualTo("datacenter1");
        assertThat(empty.get(CassandraOptions.KEYSPACE)).isEqualTo("aleph");
        assertThat(empty.get(CassandraOptions.REPLICATION_FACTOR)).isEqualTo(1);
        assertThat(empty.get(ObjectStoreOptions.REGION)).isEqualTo("us-east-1");
        assertThat(empty.get(ObjectStoreOptions.BUCKET)).isEqualTo("aleph-content");
    }

    @Test
    void kafkaClientPropertiesArePassedWithoutPrefix() {
        Configuration conf = new Configuration();
        conf.setString("aleph.kafka.client.security.protocol", "SASL_SSL");
        conf.setString("aleph.kafka.client.", "ignored");
        conf.setString("aleph.kafka.raw-topic", "not-a-client-property");

        assertThat(KafkaOptions.clientProperties(conf)).containsExactly(Map.entry("security.protocol", "SASL_SSL"));
    }

    @Test
    void keyspaceNamesAreCheckedBecauseTheyAreSplicedIntoCql() {
        assertThat(Identifiers.requireKeyspace("Aleph_IT_1")).isEqualTo("aleph_it_1");
        assertThatThrownBy(() -> Identifiers.requireKeyspace("aleph; DROP KEYSPACE x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Identifiers.requireKeyspace("1aleph")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Identifiers.requireKeyspace("a".repeat(49))).isInstanceOf(IllegalArgumentException.class);
    }
}
