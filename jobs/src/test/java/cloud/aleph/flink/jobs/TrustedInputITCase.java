package cloud.aleph.flink.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.connectors.Bootstrap;
import cloud.aleph.flink.connectors.cassandra.CassandraQueries;
import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.config.KafkaOptions;
import cloud.aleph.flink.infra.local.Stack;
import cloud.aleph.flink.infra.local.StackExtension;
import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.SourcePartitions;
import cloud.aleph.flink.operators.signing.DemoKeys;
import cloud.aleph.flink.operators.signing.MessageSigner;
import cloud.aleph.flink.operators.signing.SmartContractMessages;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trusted input end to end: unsigned messages of the Aleph smart contract, published to the
 * trusted topic, are accepted and processed, by the one-CCN job and by a network of CCNs (where
 * their partition has epochs of its own); the same unsigned message published to the public raw
 * topic is rejected as missing its signature; every other check still applies to the trusted
 * topic's records.
 */
@ExtendWith(StackExtension.class)
class TrustedInputITCase {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final double T = 1_700_100_000.0;
    private static final String CONTRACT_USER = "0x696879aE4F6d8DaDD5b8F1cbb1e663B89b08f106";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theOneCcnJobProcessesUnsignedContractMessagesFromTheTrustedTopicOnly(Stack stack, @TempDir Path work)
            throws Exception {
        Configuration conf = ItConfiguration.of(stack, "trusted");
        conf.set(KafkaOptions.TRUSTED_TOPIC, "it.jobs.trusted.contract");
        Bootstrap.run(conf);

        String post = SmartContractMessages.post(CONTRACT_USER, T + 1, "posted through the contract");
        String aggregate = SmartContractMessages.aggregate(Chain.BSC, CONTRACT_USER, T + 2, "profile", "bsc");
        MessageSigner signer = DemoKeys.ethereum(0);
        String signed = Envelopes.post(signer, T + 3, "signed, relayed by the indexer");
        String forged = Envelopes.tamperSignature(Envelopes.post(signer, T + 4, "forged, relayed by the indexer"));
        String badHash = Envelopes.with(SmartContractMessages.post(CONTRACT_USER, T + 5, "bad hash"), "item_hash",
                ItemHashes.sha256Hex("other content"));
        String unsignedOnRaw = SmartContractMessages.post(CONTRACT_USER, T + 6, "unsigned, on the public topic");

        try (CqlSession session = CassandraSessions.open(conf);
                LocalJob job = LocalJob.startVerificationJob(conf, work)) {
            CassandraQueries queries = new CassandraQueries(session, CassandraOptions.keyspace(conf));
            publish(conf, conf.get(KafkaOptions.TRUSTED_TOPIC), List.of(post, aggregate, signed, forged, badHash));
            // The raw topic gets a contract message of its own, and a copy of one the trusted topic accepts.
            RawTopic.publishEnvelopes(conf, List.of(unsignedOnRaw, post));

            Map<String, String> expected = new LinkedHashMap<>();
            expected.put(hashOf(post), "processed null");
            expected.put(hashOf(aggregate), "processed null");
            expected.put(hashOf(signed), "processed null");
            expected.put(hashOf(forged), "rejected 1");
            expected.put(hashOf(badHash), "rejected 0");
            expected.put(hashOf(unsignedOnRaw), "rejected 1");
            awaitStatuses(queries, expected);

            Map<String, Object> message = queries.messageByHash(hashOf(post)).orElseThrow();
            assertThat(message.get("signature")).as("signature of the contract message").isNull();
            assertThat(message.get("source_partition")).isEqualTo(SourcePartitions.trusted(0));
            assertThat(queries.messageByHash(hashOf(aggregate)).orElseThrow().get("chain")).isEqualTo("BSC");
            assertThat(queries.messageByHash(hashOf(signed)).orElseThrow().get("signature"))
                    .isEqualTo(Envelopes.field(signed, "signature"));
            assertThat(queries.messageByHash(hashOf(unsignedOnRaw))).as("no row for the raw topic's unsigned copy").isEmpty();

            RawTopic.awaitConsumed(conf, TIMEOUT);
            job.awaitCompletedCheckpoints(job.completedCheckpoints() + 2, TIMEOUT);
            List<JsonNode> rejections = rejectedRecords(conf);
            assertThat(rejections).extracting(r -> r.get("item_hash").textValue() + " " + r.get("error_code").intValue()
                            + " " + (r.get("source").get("partition").intValue() >= SourcePartitions.TRUSTED_BASE ? "trusted" : "raw"))
                    .containsExactlyInAnyOrder(
                            hashOf(forged) + " 1 trusted",
                            hashOf(badHash) + " 0 trusted",
                            hashOf(unsignedOnRaw) + " 1 raw",
                            hashOf(post) + " 1 raw");
            assertThat(rejections).filteredOn(r -> r.get("error_code").intValue() == 1
                            && r.get("source").get("partition").intValue() < SourcePartitions.TRUSTED_BASE)
                    .extracting(r -> r.get("reason").textValue()).containsOnly("Missing signature");
            assertThat(job.restarts()).as("numRestarts").isZero();
        }
    }

    @Test
    void aNetworkOfCcnsMakesUnsignedContractMessagesFinalInEpochsOfTheTrustedPartition(Stack stack, @TempDir Path work)
            throws Exception {
        Configuration conf = NetworkConfiguration.of(stack, "trusted");
        conf.set(KafkaOptions.TRUSTED_TOPIC, "it.consensus.trusted.contract");
        Bootstrap.run(conf);
        NetworkKeys keys = NetworkKeys.of("trusted", 3);
        int epoch = NetworkConfiguration.EPOCH_SIZE;
        // One epoch and one record beyond it: the first epoch is complete once a later offset exists.
        List<String> contract = new ArrayList<>();
        for (int i = 0; i <= epoch; i++) {
            contract.add(SmartContractMessages.post(CONTRACT_USER, T + 100 + i, "contract post " + i));
        }

        try (CqlSession session = CassandraSessions.open(conf);
                NetworkCluster cluster = NetworkCluster.start(conf, keys, work)) {
            CassandraQueries queries = new CassandraQueries(session, CassandraOptions.keyspace(conf));
            cluster.startAgreement();
            for (String ccn : keys.ids()) {
                cluster.startCcn(ccn);
            }
            publish(conf, conf.get(KafkaOptions.TRUSTED_TOPIC), contract);

            String firstEpoch = SourcePartitions.trusted(0) + ":0-" + (epoch - 1);
            NetworkAwait.until(TIMEOUT, () -> {
                for (String envelope : contract.subList(0, epoch)) {
                    Optional<Map<String, Object>> status = queries.statusByHash(hashOf(envelope));
                    if (status.isEmpty() || !"final".equals(status.get().get("status"))
                            || !firstEpoch.equals(status.get().get("epoch"))) {
                        return hashOf(envelope) + " is not final in epoch " + firstEpoch + ": " + status;
                    }
                }
                return null;
            });

            Map<String, Object> finalEpoch = queries.epoch(SourcePartitions.trusted(0), 0).orElseThrow();
            List<String> leaves = new ArrayList<>();
            JSON.readTree((String) finalEpoch.get("leaves")).forEach(leaf -> leaves.add(leaf.textValue()));
            assertThat(leaves).containsExactlyElementsOf(contract.subList(0, epoch).stream().map(TrustedInputITCase::hashOf).toList());
            List<String> signers = new ArrayList<>();
            JSON.readTree((String) finalEpoch.get("signers")).forEach(signer -> signers.add(signer.textValue()));
            assertThat(signers).as("a majority of the 3 CCNs signed the trusted epoch").hasSizeGreaterThanOrEqualTo(2);
            assertThat(queries.epochSignatures(SourcePartitions.trusted(0), 0)).hasSizeGreaterThanOrEqualTo(2);
            for (String job : keys.ids()) {
                assertThat(cluster.status(job)).as("status of %s", job).hasToString("RUNNING");
            }
            assertThat(cluster.status(NetworkCluster.AGREEMENT)).hasToString("RUNNING");
        }
    }

    /** Publishes as the chain indexer does: to the trusted topic, partition 0, acknowledged by every replica. */
    private static void publish(Configuration conf, String topic, List<String> envelopes) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaOptions.bootstrapServers(conf),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (String envelope : envelopes) {
                producer.send(new ProducerRecord<>(topic, 0, null, envelope.getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    private static void awaitStatuses(CassandraQueries queries, Map<String, String> expected) throws InterruptedException {
        NetworkAwait.until(TIMEOUT, () -> {
            for (Map.Entry<String, String> entry : expected.entrySet()) {
                String actual = queries.statusByHash(entry.getKey())
                        .map(status -> status.get("status") + " " + status.get("error_code")).orElse("none");
                if (!Objects.equals(actual, entry.getValue())) {
                    return entry.getKey() + " has status " + actual + ", expected " + entry.getValue();
                }
            }
            return null;
        });
    }

    private static List<JsonNode> rejectedRecords(Configuration conf) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : RejectedTopic.readAllCommitted(conf, TIMEOUT)) {
            records.add(JSON.readTree(record.value()));
        }
        return records;
    }

    private static String hashOf(String envelope) {
        return Envelopes.field(envelope, "item_hash");
    }
}
