package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.crypto.codec.PyHex;
import cloud.aleph.flink.operators.crypto.codec.Ss58;
import cloud.aleph.flink.operators.crypto.sr25519.Sr25519;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.AlephJsonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * DOT (Substrate) signatures (spec §3.2.4): JSON {@code {"curve": "sr25519", "data": "0x<64 bytes>"}}
 * (curve defaults to sr25519, anything else is refused); the public key comes from the SS58 sender;
 * sr25519 with the "substrate" signing context over the buffer, retried over
 * {@code <Bytes>buffer</Bytes>} (the polkadot-js extension wraps what it signs). The reference
 * catches every failure, so nothing here is an unexpected error.
 */
public final class SubstrateVerifier implements SignatureVerifier {

    private static final byte[] WRAP_OPEN = "<Bytes>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WRAP_CLOSE = "</Bytes>".getBytes(StandardCharsets.US_ASCII);

    @Override
    public SignatureResult verify(SignedPayload payload) {
        return ReferenceFailures.CAUGHT_AS_INVALID.verify(SubstrateVerifier::check, payload);
    }

    private static SignatureResult check(SignedPayload payload) throws AlephJsonException {
        JsonNode signature = AlephJson.parsePythonStdlib(payload.signature());
        if (!signature.isObject()) {
            return SignatureResult.invalid("Substrate signature is not a JSON object");
        }
        JsonNode curve = signature.get("curve");
        if (curve != null && !(curve.isTextual() && curve.textValue().equals("sr25519"))) {
            return SignatureResult.invalid("Unsupported curve " + curve);
        }
        byte[] publicKey = Ss58.decodePublicKey(payload.sender());
        JsonNode data = signature.get("data");
        if (data == null || !data.isTextual() || !data.textValue().startsWith("0x")) {
            return SignatureResult.invalid("Signature should be of type bytes or a hex-string");
        }
        byte[] signatureBytes = PyHex.fromHex(data.textValue().substring(2));
        Optional<String> problem = Sr25519.structuralProblem(signatureBytes, publicKey);
        if (problem.isPresent()) {
            return SignatureResult.invalid(problem.get());
        }
        byte[] buffer = payload.strictVerificationBuffer();
        if (Sr25519.verify(signatureBytes, buffer, publicKey) || Sr25519.verify(signatureBytes, wrapped(buffer), publicKey)) {
            return SignatureResult.valid();
        }
        return SignatureResult.invalid("The signature of the message is invalid");
    }

    private static byte[] wrapped(byte[] buffer) {
        byte[] out = new byte[WRAP_OPEN.length + buffer.length + WRAP_CLOSE.length];
        System.arraycopy(WRAP_OPEN, 0, out, 0, WRAP_OPEN.length);
        System.arraycopy(buffer, 0, out, WRAP_OPEN.length, buffer.length);
        System.arraycopy(WRAP_CLOSE, 0, out, WRAP_OPEN.length + buffer.length, WRAP_CLOSE.length);
        return out;
    }
}
