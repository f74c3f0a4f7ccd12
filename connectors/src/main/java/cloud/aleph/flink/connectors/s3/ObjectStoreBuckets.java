package cloud.aleph.flink.connectors.s3;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import java.util.Set;

/** Creates the content bucket when it is missing; safe to run again and concurrently. */
public final class ObjectStoreBuckets {

    private static final Set<String> ALREADY_THERE = Set.of("BucketAlreadyOwnedByYou", "BucketAlreadyExists");

    private ObjectStoreBuckets() {}

    /** Returns true when this call created the bucket, false when it was already there. */
    public static boolean ensureBucket(MinioClient client, String bucket) {
        try {
            if (client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                return false;
            }
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            return true;
        } catch (ErrorResponseException e) {
            // Another bootstrap created it between the two calls.
            if (ALREADY_THERE.contains(e.errorResponse().code())) {
                return false;
            }
            throw new IllegalStateException("could not create bucket " + bucket + ": " + e.errorResponse().code(), e);
        } catch (Exception e) {
            throw new IllegalStateException("could not create bucket " + bucket, e);
        }
    }
}
