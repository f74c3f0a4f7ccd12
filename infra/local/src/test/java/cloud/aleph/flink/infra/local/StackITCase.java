package cloud.aleph.flink.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared stack of the test run really serves Kafka, CQL and S3. */
@ExtendWith(StackExtension.class)
class StackITCase {

    @Test
    void kafkaCreatesTopicsAndCarriesRecords(Stack stack) throws Exception {
        String topic = "stack-it-" + UUID.randomUUID();
        try (Admin admin = StackClients.kafkaAdmin(stack)) {
            assertThat(admin.describeCluster().nodes().get(60, TimeUnit.SECONDS)).hasSize(1);
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
            assertThat(admin.listTopics().names().get(60, TimeUnit.SECONDS)).contains(topic);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, "key", "value")).get(60, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "stack-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            ConsumerRecord<String, String> received = pollOne(consumer, Duration.ofSeconds(60));
            assertThat(received.key()).isEqualTo("key");
            assertThat(received.value()).isEqualTo("value");
        }
    }

    @Test
    void kafkaDoesNotCreateTopicsOnFirstUse(Stack stack) throws Exception {
        String topic = "never-created-" + UUID.randomUUID();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true"))) {
            assertThat(consumer.partitionsFor(topic, Duration.ofSeconds(10))).isEmpty();
        }
        try (Admin admin = StackClients.kafkaAdmin(stack)) {
            assertThat(admin.listTopics().names().get(60, TimeUnit.SECONDS)).doesNotContain(topic);
        }
    }

    @Test
    void cassandraAnswersCql(Stack stack) {
        try (CqlSession session = StackClients.cassandra(stack)) {
            Row row = session.execute("SELECT release_version FROM system.local").one();
            assertThat(row).isNotNull();
            assertThat(row.getString("release_version")).isEqualTo("5.0.6");
            assertThat(session.getMetadata().getNodes().values())
                    .singleElement()
                    .satisfies(node -> assertThat(node.getDatacenter()).isEqualTo(stack.cassandraDatacenter()));
        }
    }

    @Test
    void s3StoresAndReturnsObjects(Stack stack) throws Exception {
        MinioClient s3 = StackClients.s3(stack);
        String bucket = "stack-it-" + UUID.randomUUID();
        byte[] content = ("hello aleph " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        s3.putObject(PutObjectArgs.builder().bucket(bucket).object("dir/hello.txt")
                .stream(new ByteArrayInputStream(content), content.length, -1)
                .contentType("text/plain").build());
        try (GetObjectResponse object = s3.getObject(GetObjectArgs.builder().bucket(bucket).object("dir/hello.txt").build())) {
            assertThat(object.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void s3RejectsAWrongSecretKey(Stack stack) {
        MinioClient intruder = StackClients.s3(stack, stack.s3SecretKey() + "x");
        assertThatThrownBy(() -> intruder.makeBucket(MakeBucketArgs.builder().bucket("intruder-" + UUID.randomUUID()).build()))
                .isInstanceOfSatisfying(ErrorResponseException.class, e ->
                        assertThat(e.errorResponse().code()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void endpointsAreWrittenToTheDataDirectory(Stack stack) throws Exception {
        Properties written = new Properties();
        try (InputStream in = Files.newInputStream(stack.dataDir().resolve("stack.properties"))) {
            written.load(in);
        }
        assertThat(written).containsExactlyInAnyOrderEntriesOf(stack.endpoints());
        assertThat(stack.endpoints())
                .containsEntry(Stack.KAFKA_BOOTSTRAP_SERVERS, stack.kafkaBootstrapServers())
                .containsEntry(Stack.S3_REGION, "us-east-1")
                .containsEntry(Stack.CASSANDRA_DATACENTER, "datacenter1");
        assertThat(stack.kafkaBootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(stack.cassandraContactPoint()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(stack.s3Endpoint()).matches("http://127\\.0\\.0\\.1:\\d+");
        for (String component : List.of(Stack.KAFKA, Stack.CASSANDRA, Stack.S3PROXY)) {
            assertThat(stack.logFile(component)).isEqualTo(stack.dataDir().resolve("logs").resolve(component + ".log"));
            assertThat(stack.logFile(component)).isNotEmptyFile();
            assertThat(stack.processes().get(component).isAlive()).as(component + " process").isTrue();
        }
        assertThat(stack.startupTime()).isPositive();
    }

    @Test
    void aSecondStackOnTheSameDirectoryIsRefused(Stack stack) {
        assertThatThrownBy(() -> Stack.start(stack.dataDir()))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("another stack is running on " + stack.dataDir());
        assertThat(stack.processes().values()).allMatch(ProcessHandle::isAlive);
    }

    private static ConsumerRecord<String, String> pollOne(KafkaConsumer<String, String> consumer, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            if (!records.isEmpty()) {
                return records.iterator().next();
            }
        }
        throw new AssertionError("no record within " + timeout);
    }
}
