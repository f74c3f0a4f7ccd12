package cloud.aleph.flink.connectors.config;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;

/** S3 object store settings (MinIO in production, S3Proxy locally): endpoint, credentials, bucket, limits. */
public final class ObjectStoreOptions {

    public static final ConfigOption<String> ENDPOINT = ConfigOptions.key("aleph.s3.endpoint")
            .stringType()
            .noDefaultValue()
            .withDescription("S3 endpoint URL, e.g. http://minio:9000 (path-style access is always used). Required.");

    public static final ConfigOption<String> ACCESS_KEY = ConfigOptions.key("aleph.s3.access-key")
            .stringType()
            .noDefaultValue()
            .withDescription("S3 access key. Required.");

    public static final ConfigOption<String> SECRET_KEY = ConfigOptions.key("aleph.s3.secret-key")
            .stringType()
            .noDefaultValue()
            .withDescription("S3 secret key. Required.");

    public static final ConfigOption<String> REGION = ConfigOptions.key("aleph.s3.region")
            .stringType()
            .defaultValue("us-east-1")
            .withDescription("S3 region used for request signing; fixed, so no bucket-location lookup is made.");

    public static final ConfigOption<String> BUCKET = ConfigOptions.key("aleph.s3.bucket")
            .stringType()
            .defaultValue("aleph-content")
            .withDescription("Bucket holding content-addressed objects.");

    public static final ConfigOption<Integer> MAX_IN_FLIGHT_REQUESTS = ConfigOptions.key("aleph.s3.max-in-flight-requests")
            .intType()
            .defaultValue(4)
            .withDescription("Batches of uploads a sink writer may have in flight at once.");

    public static final ConfigOption<Integer> MAX_BATCH_SIZE = ConfigOptions.key("aleph.s3.max-batch-size")
            .intType()
            .defaultValue(8)
            .withDescription("Objects a sink writer uploads concurrently within one batch.");

    public static final ConfigOption<Integer> MAX_BUFFERED_REQUESTS = ConfigOptions.key("aleph.s3.max-buffered-requests")
            .intType()
            .defaultValue(100)
            .withDescription("Objects a sink writer buffers before it applies back-pressure (must exceed max-batch-size).");

    public static final ConfigOption<MemorySize> MAX_OBJECT_SIZE = ConfigOptions.key("aleph.s3.max-object-size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(16))
            .withDescription("Largest object the sink accepts; objects are buffered in memory and in checkpoints.");

    public static final ConfigOption<Duration> MAX_TIME_IN_BUFFER = ConfigOptions.key("aleph.s3.max-time-in-buffer")
            .durationType()
            .defaultValue(Duration.ofMillis(200))
            .withDescription("Longest time an object waits in a sink writer's buffer before it is uploaded.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT = ConfigOptions.key("aleph.s3.request-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(60))
            .withDescription("Time a batch of uploads may take before it is retried.");

    private ObjectStoreOptions() {}

    public static List<ConfigOption<?>> all() {
        return List.of(
                ENDPOINT,
                ACCESS_KEY,
                SECRET_KEY,
                REGION,
                BUCKET,
                MAX_IN_FLIGHT_REQUESTS,
                MAX_BATCH_SIZE,
                MAX_BUFFERED_REQUESTS,
                MAX_OBJECT_SIZE,
                MAX_TIME_IN_BUFFER,
                REQUEST_TIMEOUT);
    }

    public static String endpoint(Configuration conf) {
        return Required.get(conf, ENDPOINT);
    }

    public static String accessKey(Configuration conf) {
        return Required.get(conf, ACCESS_KEY);
    }

    public static String secretKey(Configuration conf) {
        return Required.get(conf, SECRET_KEY);
    }
}
