package cloud.aleph.flink.connectors.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

/** Kafka settings of the verification job: broker addresses, topics, consumer group, transactions. */
public final class KafkaOptions {

    /** Keys under this prefix are handed to every Kafka client with the prefix removed (security, tuning). */
    public static final String CLIENT_PROPERTIES_PREFIX = "aleph.kafka.client.";

    public static final ConfigOption<String> BOOTSTRAP_SERVERS = ConfigOptions.key("aleph.kafka.bootstrap-servers")
            .stringType()
            .noDefaultValue()
            .withDescription("Kafka bootstrap servers, \"host:port,host:port\". Required.");

    public static final ConfigOption<String> RAW_TOPIC = ConfigOptions.key("aleph.kafka.raw-topic")
            .stringType()
            .defaultValue("aleph.messages.raw")
            .withDescription("Topic that clients publish raw Aleph message envelopes (JSON) to.");

    public static final ConfigOption<String> REJECTED_TOPIC = ConfigOptions.key("aleph.kafka.rejected-topic")
            .stringType()
            .defaultValue("aleph.messages.rejected")
            .withDescription("Topic that rejected messages are written to (JSON, key = item_hash or rejection_id).");

    public static final ConfigOption<Integer> RAW_PARTITIONS = ConfigOptions.key("aleph.kafka.raw-partitions")
            .intType()
            .defaultValue(4)
            .withDescription("Partitions of the raw topic when the bootstrap creates it (an existing topic is left as is).");

    public static final ConfigOption<String> TRUSTED_TOPIC = ConfigOptions.key("aleph.kafka.trusted-topic")
            .stringType()
            .noDefaultValue()
            .withDescription("Topic of the trusted input: messages the chain indexer read from the Aleph smart contract,"
                    + " which carry no signature because their chain transaction authenticates the sender."
                    + " Its records are verified like the raw topic's, except that a missing signature is allowed."
                    + " Unset or empty (the default): no trusted input. When you set it, protect the topic with Kafka ACLs"
                    + " so that only your chain indexer can write to it: anyone who can write to it can publish as any"
                    + " address.");

    public static final ConfigOption<Integer> TRUSTED_PARTITIONS = ConfigOptions.key("aleph.kafka.trusted-partitions")
            .intType()
            .defaultValue(1)
            .withDescription("Partitions of the trusted topic when the bootstrap creates it (an existing topic is left as"
                    + " is). Its traffic is low: fewer partitions fill their epochs sooner.");

    public static final ConfigOption<String> ATTESTATIONS_TOPIC = ConfigOptions.key("aleph.kafka.attestations-topic")
            .stringType()
            .defaultValue("aleph.ccn.attestations")
            .withDescription("Topic where every CCN publishes its signed verdict on every raw record.");

    public static final ConfigOption<String> DIGESTS_TOPIC = ConfigOptions.key("aleph.kafka.digests-topic")
            .stringType()
            .defaultValue("aleph.ccn.digests")
            .withDescription("Topic where every CCN publishes its signed digest of every epoch.");

    public static final ConfigOption<Integer> CONSENSUS_PARTITIONS = ConfigOptions.key("aleph.kafka.consensus-partitions")
            .intType()
            .defaultValue(4)
            .withDescription("Partitions of the attestations and digests topics (used by bootstrap).");

    public static final ConfigOption<Integer> REJECTED_PARTITIONS = ConfigOptions.key("aleph.kafka.rejected-partitions")
            .intType()
            .defaultValue(4)
            .withDescription("Partitions of the rejected topic when the bootstrap creates it.");

    public static final ConfigOption<Integer> REPLICATION_FACTOR = ConfigOptions.key("aleph.kafka.replication-factor")
            .intType()
            .defaultValue(1)
            .withDescription("Replication factor of the topics the bootstrap creates (1 for a single broker).");

    public static final ConfigOption<String> GROUP_ID = ConfigOptions.key("aleph.kafka.group-id")
            .stringType()
            .defaultValue("aleph-verification")
            .withDescription("Consumer group of the raw-topic source; give every CCN deployment its own group.");

    public static final ConfigOption<Duration> TRANSACTION_TIMEOUT = ConfigOptions.key("aleph.kafka.transaction-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(60))
            .withDescription("transaction.timeout.ms of the exactly-once sinks. Must exceed the checkpoint interval"
                    + " and must not exceed the broker's transaction.max.timeout.ms (15 min by default).");

    private KafkaOptions() {}

    public static List<ConfigOption<?>> all() {
        return List.of(
                BOOTSTRAP_SERVERS,
                RAW_TOPIC,
                REJECTED_TOPIC,
                RAW_PARTITIONS,
                REJECTED_PARTITIONS,
                TRUSTED_TOPIC,
                TRUSTED_PARTITIONS,
                ATTESTATIONS_TOPIC,
                DIGESTS_TOPIC,
                CONSENSUS_PARTITIONS,
                REPLICATION_FACTOR,
                GROUP_ID,
                TRANSACTION_TIMEOUT);
    }

    /** The bootstrap servers, or a clear error naming the key and its environment variable. */
    public static String bootstrapServers(Configuration conf) {
        return Required.get(conf, BOOTSTRAP_SERVERS);
    }

    /** The trusted topic, when one is configured (an empty name counts as none). */
    public static Optional<String> trustedTopic(Configuration conf) {
        String topic = conf.get(TRUSTED_TOPIC);
        return topic == null || topic.isBlank() ? Optional.empty() : Optional.of(topic.trim());
    }

    /** Extra client properties given as {@code aleph.kafka.client.<kafka property>}. */
    public static Map<String, String> clientProperties(Configuration conf) {
        Map<String, String> properties = new TreeMap<>();
        conf.toMap().forEach((key, value) -> {
            if (key.startsWith(CLIENT_PROPERTIES_PREFIX) && key.length() > CLIENT_PROPERTIES_PREFIX.length()) {
                properties.put(key.substring(CLIENT_PROPERTIES_PREFIX.length()), value);
            }
        });
        return properties;
    }
}
