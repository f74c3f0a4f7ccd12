package cloud.aleph.flink.connectors;

import cloud.aleph.flink.connectors.cassandra.CassandraSchema;
import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.config.ObjectStoreOptions;
import cloud.aleph.flink.connectors.kafka.KafkaTopicBootstrap;
import cloud.aleph.flink.connectors.s3.ObjectStoreBuckets;
import cloud.aleph.flink.connectors.s3.ObjectStoreClients;
import com.datastax.oss.driver.api.core.CqlSession;
import io.minio.MinioClient;
import java.util.List;
import org.apache.flink.configuration.Configuration;

/**
 * Creates what the jobs need and does not find: Kafka topics, the Cassandra keyspace and tables,
 * the object-store bucket. Everything is create-if-missing, so it is safe to run against a stack
 * that already has them, and before every job start. Addresses come from the configuration
 * (overlay the environment first with
 * {@link cloud.aleph.flink.connectors.config.EnvironmentOverlay#withSystemEnvironment}).
 */
public final class Bootstrap {

    /**
     * What the bootstrap found and did.
     *
     * @param topicsCreated topics created by this run
     * @param topicsExisting topics that were already there (left unchanged)
     * @param keyspace the keyspace
     * @param tables the schema's tables present after the run
     * @param bucket the bucket
     * @param bucketCreated whether this run created the bucket
     */
    public record Result(
            List<String> topicsCreated,
            List<String> topicsExisting,
            String keyspace,
            List<String> tables,
            String bucket,
            boolean bucketCreated) {}

    private Bootstrap() {}

    public static Result run(Configuration conf) {
        KafkaTopicBootstrap.Result topics = KafkaTopicBootstrap.ensureTopics(conf);
        String keyspace = CassandraOptions.keyspace(conf);
        List<String> tables;
        try (CqlSession session = CassandraSessions.open(conf)) {
            tables = CassandraSchema.apply(session, conf);
        }
        String bucket = conf.get(ObjectStoreOptions.BUCKET);
        MinioClient client = ObjectStoreClients.blocking(conf);
        boolean bucketCreated;
        try {
            bucketCreated = ObjectStoreBuckets.ensureBucket(client, bucket);
        } finally {
            closeQuietly(client);
        }
        return new Result(topics.created(), topics.existing(), keyspace, tables, bucket, bucketCreated);
    }

    private static void closeQuietly(MinioClient client) {
        try {
            client.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Only the HTTP client's threads are released here; the bucket is already in place.
        }
    }
}
