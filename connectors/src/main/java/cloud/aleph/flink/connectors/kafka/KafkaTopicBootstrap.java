package cloud.aleph.flink.connectors.kafka;

import cloud.aleph.flink.connectors.config.KafkaOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the project's topics when they are missing. Idempotent: a topic that already exists is
 * left exactly as it is (its partition count is never changed, since that would move keys
 * between partitions).
 */
public final class KafkaTopicBootstrap {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private KafkaTopicBootstrap() {}

    /** Topics created and topics that were already there. */
    public record Result(List<String> created, List<String> existing) {}

    public static Result ensureTopics(Configuration conf) {
        Properties properties = KafkaConnectors.clientProperties(conf);
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaOptions.bootstrapServers(conf));
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(TIMEOUT.toMillis()));
        try (Admin admin = Admin.create(properties)) {
            return ensureTopics(admin, Topics.from(conf).all());
        }
    }

    public static Result ensureTopics(Admin admin, List<TopicSpec> topics) {
        List<NewTopic> requests = new ArrayList<>();
        for (TopicSpec topic : topics) {
            requests.add(new NewTopic(topic.name(), topic.partitions(), topic.replicationFactor()));
        }
        CreateTopicsResult result = admin.createTopics(requests);
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<Void>> entry : result.values().entrySet()) {
            try {
                entry.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                created.add(entry.getKey());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    existing.add(entry.getKey());
                } else {
                    throw new IllegalStateException("could not create topic " + entry.getKey(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("timed out creating topic " + entry.getKey(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topic " + entry.getKey(), e);
            }
        }
        return new Result(created, existing);
    }
}
