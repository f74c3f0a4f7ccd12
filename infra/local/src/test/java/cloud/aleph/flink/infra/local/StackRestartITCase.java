package cloud.aleph.flink.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * A stack of its own (not the shared one): close() leaves no child process, and a second start on
 * the same directory keeps the ports, the credentials and the data.
 */
class StackRestartITCase {

    private static final String TOPIC = "restart-survivor";
    private static final String KEYSPACE = "restart_survivor";
    private static final String BUCKET = "restart-survivor";
    private static final byte[] OBJECT = "kept across restarts".getBytes(StandardCharsets.UTF_8);

    @Test
    void restartOnTheSameDirectoryKeepsPortsAndData() throws Exception {
        Path dataDir = StackTestDirs.fresh("restart");

        Stack first = Stack.start(dataDir);
        Map<String, String> firstEndpoints = first.endpoints();
        Map<String, ProcessHandle> firstProcesses = first.processes();
        try {
            writeData(first);
        } finally {
            first.close();
        }
        assertNoneAlive(firstProcesses);
        // Closing again is harmless.
        first.close();

        Stack second = Stack.start(dataDir);
        Map<String, ProcessHandle> secondProcesses = second.processes();
        try {
            assertThat(second.endpoints()).isEqualTo(firstEndpoints);
            assertThat(secondProcesses.values()).allMatch(ProcessHandle::isAlive)
                    .noneMatch(firstProcesses.values()::contains);
            assertDataKept(second);
        } finally {
            second.close();
        }
        assertNoneAlive(secondProcesses);
    }

    private static void writeData(Stack stack) throws Exception {
        try (Admin admin = StackClients.kafkaAdmin(stack)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        try (CqlSession session = StackClients.cassandra(stack)) {
            session.execute("CREATE KEYSPACE " + KEYSPACE
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            session.execute("CREATE TABLE " + KEYSPACE + ".items (id text PRIMARY KEY, value text)");
            session.execute("INSERT INTO " + KEYSPACE + ".items (id, value) VALUES ('a', 'first start')");
        }
        MinioClient s3 = StackClients.s3(stack);
        s3.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
        s3.putObject(PutObjectArgs.builder().bucket(BUCKET).object("kept.txt")
                .stream(new ByteArrayInputStream(OBJECT), OBJECT.length, -1).build());
    }

    private static void assertDataKept(Stack stack) throws Exception {
        try (Admin admin = StackClients.kafkaAdmin(stack)) {
            assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get(60, TimeUnit.SECONDS)
                    .get(TOPIC).partitions()).hasSize(3);
        }
        try (CqlSession session = StackClients.cassandra(stack)) {
            Row row = session.execute("SELECT value FROM " + KEYSPACE + ".items WHERE id = 'a'").one();
            assertThat(row).isNotNull();
            assertThat(row.getString("value")).isEqualTo("first start");
        }
        try (GetObjectResponse object = StackClients.s3(stack)
                .getObject(GetObjectArgs.builder().bucket(BUCKET).object("kept.txt").build())) {
            assertThat(object.readAllBytes()).isEqualTo(OBJECT);
        }
    }

    static void assertNoneAlive(Map<String, ProcessHandle> processes) {
        assertThat(processes).containsOnlyKeys(Stack.KAFKA, Stack.CASSANDRA, Stack.S3PROXY);
        processes.forEach((component, process) ->
                assertThat(process.isAlive()).as(component + " child JVM (pid " + process.pid() + ") after close").isFalse());
    }
}
