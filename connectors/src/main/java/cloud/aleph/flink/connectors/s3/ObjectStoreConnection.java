package cloud.aleph.flink.connectors.s3;

import cloud.aleph.flink.connectors.config.ObjectStoreOptions;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;

/**
 * How to reach the object store, in a form that travels with a serialized sink.
 *
 * @param endpoint S3 endpoint URL
 * @param accessKey access key
 * @param secretKey secret key
 * @param region signing region
 * @param bucket bucket of content-addressed objects
 * @param requestTimeout HTTP connect/read/write timeout
 */
public record ObjectStoreConnection(
        String endpoint, String accessKey, String secretKey, String region, String bucket, Duration requestTimeout)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public static ObjectStoreConnection from(Configuration conf) {
        return new ObjectStoreConnection(
                ObjectStoreOptions.endpoint(conf),
                ObjectStoreOptions.accessKey(conf),
                ObjectStoreOptions.secretKey(conf),
                conf.get(ObjectStoreOptions.REGION),
                conf.get(ObjectStoreOptions.BUCKET),
                conf.get(ObjectStoreOptions.REQUEST_TIMEOUT));
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "ObjectStoreConnection[endpoint=" + endpoint + ", accessKey=" + accessKey + ", region=" + region
                + ", bucket=" + bucket + ", requestTimeout=" + requestTimeout + "]";
    }
}
