package cloud.aleph.flink.connectors.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.ServerException;
import io.minio.messages.ErrorResponse;
import java.net.ConnectException;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ObjectStoreFailureClassifierTest {

    private final ObjectStoreFailureClassifier classifier = new ObjectStoreFailureClassifier();

    private static ErrorResponseException s3Error(String code) {
        Response response = new Response.Builder()
                .request(new Request.Builder().url("http://127.0.0.1:9000/bucket/key").build())
                .protocol(Protocol.HTTP_1_1)
                .code(code.equals("SlowDown") ? 503 : 400)
                .message(code)
                .build();
        return new ErrorResponseException(new ErrorResponse(code, "message", "bucket", "key", "/bucket/key", "req", "host"), response, "");
    }

    @Test
    void throttlingServerErrorsAndNetworkFailuresAreRetried() {
        assertThat(classifier.isRetryable(s3Error("SlowDown"))).isTrue();
        assertThat(classifier.isRetryable(s3Error("InternalError"))).isTrue();
        assertThat(classifier.isRetryable(new CompletionException(s3Error("ServiceUnavailable")))).isTrue();
        assertThat(classifier.isRetryable(new ServerException("bad gateway", 502, ""))).isTrue();
        assertThat(classifier.isRetryable(new CompletionException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void configurationErrorsAreFatal() {
        assertThat(classifier.isRetryable(s3Error("AccessDenied"))).isFalse();
        assertThat(classifier.isRetryable(s3Error("NoSuchBucket"))).isFalse();
        assertThat(classifier.isRetryable(s3Error("SignatureDoesNotMatch"))).isFalse();
        assertThat(classifier.isRetryable(new ContentHashMismatchException("k", "h"))).isFalse();
    }
}
