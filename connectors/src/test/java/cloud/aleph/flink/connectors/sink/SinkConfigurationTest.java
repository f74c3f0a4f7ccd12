package cloud.aleph.flink.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.aleph.flink.connectors.cassandra.CassandraSink;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.connectors.config.ObjectStoreOptions;
import cloud.aleph.flink.connectors.s3.ObjectStoreSink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** The sinks build from configuration alone and travel to the task managers (Java serialization). */
class SinkConfigurationTest {

    private static Configuration addresses() {
        Configuration conf = new Configuration();
        conf.set(CassandraOptions.CONTACT_POINTS, "127.0.0.1:9042");
        conf.set(ObjectStoreOptions.ENDPOINT, "http://127.0.0.1:9000");
        conf.set(ObjectStoreOptions.ACCESS_KEY, "ak");
        conf.set(ObjectStoreOptions.SECRET_KEY, "sk");
        return conf;
    }

    @Test
    void defaultLimitsAreValidAndTheSinksSerialize() throws Exception {
        Configuration conf = addresses();

        for (Object sink : new Object[] {
                CassandraSink.messages(conf), CassandraSink.statuses(conf), CassandraSink.rejections(conf), ObjectStoreSink.create(conf)}) {
            byte[] bytes = InstantiationUtil.serializeObject(sink);
            assertThat(InstantiationUtil.<Object>deserializeObject(bytes, getClass().getClassLoader()))
                    .isInstanceOf(sink.getClass());
        }
    }

    @Test
    void inconsistentLimitsFailAtBuildTime() {
        Configuration conf = addresses();
        conf.set(CassandraOptions.MAX_BATCH_SIZE, 500);
        conf.set(CassandraOptions.MAX_BUFFERED_REQUESTS, 100);

        assertThatThrownBy(() -> CassandraSink.messages(conf)).hasMessageContaining("max-buffered-requests");
    }

    @Test
    void missingAddressesFailAtBuildTime() {
        assertThatThrownBy(() -> CassandraSink.messages(new Configuration())).hasMessageContaining("ALEPH_CASSANDRA_CONTACT_POINTS");
        assertThatThrownBy(() -> ObjectStoreSink.create(new Configuration())).hasMessageContaining("ALEPH_S3_ENDPOINT");
    }
}
