package cloud.aleph.flink.operators.crypto;

/**
 * Raised where the reference node's verifier raises an exception other than {@code ValueError}
 * (TypeError, IndexError, struct.error, NotImplementedError, a bare Exception...). The reference
 * does not treat those as a bad signature but as an unexpected error (retried, then
 * INTERNAL_ERROR), so verifiers turn this into {@link SignatureResult#unexpectedError}.
 */
public final class VerifierInternalError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VerifierInternalError(String message) {
        super(message);
    }
}
