package cloud.aleph.flink.connectors.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class CassandraSessionsTest {

    @Test
    void parsesHostPortLists() {
        List<InetSocketAddress> points = CassandraSessions.parseContactPoints(" cass-0.cass:9042, 10.0.0.7:19042 ,[::1]:9043");

        assertThat(points).extracting(InetSocketAddress::getHostString).containsExactly("cass-0.cass", "10.0.0.7", "::1");
        assertThat(points).extracting(InetSocketAddress::getPort).containsExactly(9042, 19042, 9043);
    }

    @Test
    void rejectsEntriesWithoutPort() {
        assertThatThrownBy(() -> CassandraSessions.parseContactPoints("cassandra")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> CassandraSessions.parseContactPoints("cassandra:x")).hasMessageContaining("numeric port");
        assertThatThrownBy(() -> CassandraSessions.parseContactPoints("cassandra:70000")).hasMessageContaining("range");
        assertThatThrownBy(() -> CassandraSessions.parseContactPoints(" , ")).hasMessageContaining("no Cassandra contact points");
    }

    @Test
    void connectionNeverPrintsThePassword() {
        CassandraConnection connection = new CassandraConnection("h:1", "dc", "user", "s3cr3t", java.time.Duration.ofSeconds(1));
        assertThat(connection.toString()).contains("user").doesNotContain("s3cr3t");
    }
}
