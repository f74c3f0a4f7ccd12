package cloud.aleph.flink.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.aleph.flink.connectors.config.KafkaOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.api.connector.source.Boundedness;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void defaultsFromConfiguration() {
        Topics topics = Topics.from(new Configuration());

        assertThat(topics.raw()).extracting(TopicSpec::name, TopicSpec::partitions, TopicSpec::replicationFactor)
                .containsExactly("aleph.messages.raw", 4, (short) 1);
        assertThat(topics.rejected().name()).isEqualTo("aleph.messages.rejected");
        assertThat(topics.attestations().name()).isEqualTo("aleph.ccn.attestations");
        assertThat(topics.digests().name()).isEqualTo("aleph.ccn.digests");
        assertThat(topics.all()).containsExactly(topics.raw(), topics.rejected(), topics.attestations(), topics.digests());
        assertThat(topics.trusted()).isEmpty();
        assertThat(topics.inputs()).containsExactly("aleph.messages.raw");
        assertThat(topics.rawDeserializer()).isInstanceOf(RawMessageDeserializer.class);
        assertThat(topics.rejectedSerializer()).isInstanceOf(RejectionSerializer.class);
    }

    @Test
    void namesAndPartitionsAreConfigurable() {
        Configuration conf = new Configuration();
        conf.set(KafkaOptions.RAW_TOPIC, "it.raw");
        conf.set(KafkaOptions.RAW_PARTITIONS, 8);
        conf.set(KafkaOptions.REJECTED_TOPIC, "it.rejected");
        conf.set(KafkaOptions.REPLICATION_FACTOR, 3);

        Topics topics = Topics.from(conf);

        assertThat(topics.raw()).isEqualTo(new TopicSpec("it.raw", 8, (short) 3, topics.raw().contents()));
        assertThat(topics.rejected().name()).isEqualTo("it.rejected");
        assertThat(topics.rejectedSerializer().serialize(
                        cloud.aleph.flink.connectors.Samples.rejection("x", null,
                                cloud.aleph.flink.operators.model.ErrorCode.INVALID_FORMAT, 0L), null, null)
                .topic()).isEqualTo("it.rejected");
    }

    @Test
    void aConfiguredTrustedTopicIsCreatedAndReadWithTheRawTopic() {
        Configuration conf = new Configuration();
        conf.set(KafkaOptions.TRUSTED_TOPIC, "it.trusted");
        conf.set(KafkaOptions.REPLICATION_FACTOR, 3);

        Topics topics = Topics.from(conf);

        assertThat(topics.trusted()).hasValueSatisfying(trusted -> assertThat(trusted)
                .extracting(TopicSpec::name, TopicSpec::partitions, TopicSpec::replicationFactor)
                .containsExactly("it.trusted", 1, (short) 3));
        assertThat(topics.all()).hasSize(5).endsWith(topics.trusted().get());
        assertThat(topics.inputs()).containsExactly("aleph.messages.raw", "it.trusted");
    }

    @Test
    void aBlankTrustedTopicIsNone() {
        Configuration conf = new Configuration();
        conf.set(KafkaOptions.TRUSTED_TOPIC, " ");

        assertThat(Topics.from(conf).trusted()).isEmpty();
        assertThat(Topics.from(conf).all()).hasSize(4);
    }

    @Test
    void theTrustedTopicMustBeATopicOfItsOwn() {
        for (var other : java.util.List.of(KafkaOptions.RAW_TOPIC, KafkaOptions.REJECTED_TOPIC,
                KafkaOptions.ATTESTATIONS_TOPIC, KafkaOptions.DIGESTS_TOPIC)) {
            Configuration conf = new Configuration();
            conf.set(KafkaOptions.TRUSTED_TOPIC, conf.get(other));

            assertThatThrownBy(() -> Topics.from(conf)).as(other.key())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("aleph.kafka.trusted-topic must name a topic of its own");
        }
    }

    @Test
    void invalidTopicsAreRefused() {
        assertThatThrownBy(() -> new TopicSpec(" ", 1, (short) 1, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicSpec("t", 0, (short) 1, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sourceAndSinkAreBuiltFromConfiguration() {
        Configuration conf = new Configuration();
        conf.set(KafkaOptions.BOOTSTRAP_SERVERS, "127.0.0.1:9");

        KafkaSource<?> unbounded = KafkaConnectors.rawSource(conf);
        KafkaSource<?> bounded = KafkaConnectors.rawSource(conf, true);

        assertThat(unbounded.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(bounded.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThatCode(() -> KafkaConnectors.rejectedSink(conf, "aleph-test-rejected")).doesNotThrowAnyException();
    }

    @Test
    void exactlyOnceSinkNeedsATransactionalIdPrefix() {
        Configuration conf = new Configuration();
        conf.set(KafkaOptions.BOOTSTRAP_SERVERS, "127.0.0.1:9");

        assertThatThrownBy(() -> KafkaConnectors.rejectedSink(conf, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transactional id prefix");
    }

    @Test
    void sourceNeedsBootstrapServers() {
        assertThatThrownBy(() -> KafkaConnectors.rawSource(new Configuration()))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("ALEPH_KAFKA_BOOTSTRAP_SERVERS");
    }
}
