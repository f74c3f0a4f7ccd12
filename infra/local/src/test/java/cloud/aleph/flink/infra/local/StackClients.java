package cloud.aleph.flink.infra.local;

import com.datastax.oss.driver.api.core.CqlSession;
import io.minio.MinioClient;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Clients of the stack's servers, built the way the project's code connects. */
final class StackClients {

    private StackClients() {}

    static Admin kafkaAdmin(Stack stack) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000));
    }

    static CqlSession cassandra(Stack stack) {
        return CqlSession.builder()
                .addContactPoint(stack.cassandraAddress())
                .withLocalDatacenter(stack.cassandraDatacenter())
                .build();
    }

    static MinioClient s3(Stack stack) {
        return s3(stack, stack.s3SecretKey());
    }

    static MinioClient s3(Stack stack, String secretKey) {
        return MinioClient.builder()
                .endpoint(stack.s3Endpoint())
                .credentials(stack.s3AccessKey(), secretKey)
                .region(stack.s3Region())
                .build();
    }
}
