package cloud.aleph.flink.connectors.s3;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import org.apache.flink.configuration.Configuration;

/**
 * Builds MinIO clients: path-style addressing (MinIO and S3Proxy serve buckets as paths) and a
 * fixed region (no bucket-location round trip before the first request).
 */
public final class ObjectStoreClients {

    private ObjectStoreClients() {}

    /** The client of the sink writers: every call returns a future. */
    public static MinioAsyncClient async(ObjectStoreConnection connection) {
        MinioAsyncClient client = MinioAsyncClient.builder()
                .endpoint(connection.endpoint())
                .region(connection.region())
                .credentials(connection.accessKey(), connection.secretKey())
                .build();
        client.disableVirtualStyleEndpoint();
        long timeoutMs = connection.requestTimeout().toMillis();
        client.setTimeout(timeoutMs, timeoutMs, timeoutMs);
        return client;
    }

    /** A blocking client for bootstrap and tools. */
    public static MinioClient blocking(ObjectStoreConnection connection) {
        MinioClient client = MinioClient.builder()
                .endpoint(connection.endpoint())
                .region(connection.region())
                .credentials(connection.accessKey(), connection.secretKey())
                .build();
        client.disableVirtualStyleEndpoint();
        long timeoutMs = connection.requestTimeout().toMillis();
        client.setTimeout(timeoutMs, timeoutMs, timeoutMs);
        return client;
    }

    public static MinioClient blocking(Configuration conf) {
        return blocking(ObjectStoreConnection.from(conf));
    }
}
