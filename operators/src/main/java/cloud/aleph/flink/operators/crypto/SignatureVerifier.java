package cloud.aleph.flink.operators.crypto;

/**
 * Verifies the signature of one chain family. Implementations are stateless or thread-confined
 * per Flink subtask, never throw for bad input (they return {@link SignatureResult#invalid}), and
 * do no I/O.
 */
public interface SignatureVerifier {

    SignatureResult verify(SignedPayload payload);
}
