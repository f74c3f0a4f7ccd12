package cloud.aleph.flink.connectors.s3;

import cloud.aleph.flink.connectors.sink.FailureClassifier;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.InvalidResponseException;
import io.minio.errors.ServerException;
import java.io.IOException;
import java.util.Set;

/**
 * Retryable: network failures, 5xx answers, and the S3 error codes that mean "try again later".
 * Fatal: everything else, notably AccessDenied, NoSuchBucket, InvalidAccessKeyId,
 * SignatureDoesNotMatch, EntityTooLarge: a retry would fail the same way. PUTs of
 * content-addressed keys are idempotent, so a retry is always safe.
 */
public final class ObjectStoreFailureClassifier implements FailureClassifier {

    private static final long serialVersionUID = 1L;

    private static final Set<String> RETRYABLE_CODES = Set.of(
            "InternalError", "ServiceUnavailable", "SlowDown", "RequestTimeout", "OperationAborted", "XMinioServerNotInitialized");

    @Override
    public boolean isRetryable(Throwable error) {
        Throwable cause = FailureClassifier.unwrap(error);
        if (cause instanceof ErrorResponseException response) {
            return response.errorResponse() != null && RETRYABLE_CODES.contains(response.errorResponse().code());
        }
        // ServerException: a 5xx without an S3 error body; InvalidResponseException: a non-S3 answer (e.g. a proxy's 502).
        return cause instanceof ServerException || cause instanceof InvalidResponseException || cause instanceof IOException;
    }
}
