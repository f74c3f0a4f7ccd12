package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.crypto.codec.PyBase58;
import cloud.aleph.flink.operators.crypto.ecc.Ed25519Sodium;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.AlephJsonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * SOL and ES signatures (spec §3.2.2), reproducing pyaleph's SolanaConnector step by step:
 *
 * <ol>
 *   <li>the signature field is parsed with Python's {@code json.loads}; not JSON → invalid;
 *   <li>{@code doc["signature"]} then {@code doc["publicKey"]} are read and base58-decoded (the base58
 *       package strips trailing whitespace first); a missing key or a document that is not an object
 *       raises KeyError/TypeError in pyaleph, and a non-string value AttributeError, which escape as
 *       unexpected errors → {@link SignatureResult#unexpectedError} (INTERNAL_ERROR); bad base58 → invalid;
 *   <li>{@code version}, when present, must equal 1 in Python's sense (1, 1.0 and true do);
 *   <li>the sender must equal publicKey exactly;
 *   <li>Ed25519 over the raw verification buffer with libsodium's acceptance rules
 *       ({@link Ed25519Sodium}: canonical S, canonical non-small-order key, R not of small order).
 * </ol>
 *
 * Thread-safe; never throws.
 */
public final class SolanaVerifier implements SignatureVerifier {

    @Override
    public SignatureResult verify(SignedPayload payload) {
        return ReferenceFailures.CAUGHT_AS_INVALID.verify(this::check, payload);
    }

    private SignatureResult check(SignedPayload payload) {
        if (payload.signature() == null) {
            return SignatureResult.invalid("missing signature");
        }
        JsonNode document;
        try {
            document = AlephJson.parsePythonStdlib(payload.signature());
        } catch (AlephJsonException e) {
            return SignatureResult.invalid("Solana signature deserialization error: " + e.getMessage());
        }
        if (!document.isObject()) {
            return SignatureResult.unexpectedError("signature JSON is not an object (TypeError in the reference)");
        }

        JsonNode signatureText = document.get("signature");
        if (signatureText == null) {
            return SignatureResult.unexpectedError("signature JSON has no 'signature' key (KeyError in the reference)");
        }
        if (!signatureText.isTextual()) {
            return SignatureResult.unexpectedError("'signature' is not a string (AttributeError in the reference)");
        }
        byte[] signature = pythonBase58Decode(signatureText.textValue());
        if (signature == null) {
            return SignatureResult.invalid("Solana signature deserialization error: 'signature' is not base58");
        }

        JsonNode publicKeyText = document.get("publicKey");
        if (publicKeyText == null) {
            return SignatureResult.unexpectedError("signature JSON has no 'publicKey' key (KeyError in the reference)");
        }
        if (!publicKeyText.isTextual()) {
            return SignatureResult.unexpectedError("'publicKey' is not a string (AttributeError in the reference)");
        }
        byte[] publicKey = pythonBase58Decode(publicKeyText.textValue());
        if (publicKey == null) {
            return SignatureResult.invalid("Solana signature deserialization error: 'publicKey' is not base58");
        }

        JsonNode version = document.get("version");
        if (version != null && !equalsOneInPython(version)) {
            return SignatureResult.invalid("Unsupported signature version " + version);
        }
        if (!payload.sender().equals(publicKeyText.textValue())) {
            return SignatureResult.invalid("Solana signature source error: sender is not the publicKey");
        }
        if (publicKey.length != Ed25519.PUBLIC_KEY_SIZE || signature.length != Ed25519.SIGNATURE_SIZE) {
            return SignatureResult.invalid("public key must be 32 bytes and signature 64 bytes");
        }
        if (Ed25519Sodium.hasSmallOrder(signature)) {
            return SignatureResult.invalid("signature R is a point of small order");
        }
        if (!Ed25519Sodium.verify(signature, payload.verificationBuffer(), publicKey)) {
            return SignatureResult.invalid("Ed25519 signature does not verify");
        }
        return SignatureResult.valid();
    }

    /** The base58 package's {@code b58decode} on a str; null where it raises ValueError. */
    private static byte[] pythonBase58Decode(String text) {
        try {
            return PyBase58.decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code value == 1} in Python: the int 1, the float 1.0 and True compare equal to 1. */
    private static boolean equalsOneInPython(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().equals(BigInteger.ONE);
        }
        if (value.isFloatingPointNumber()) {
            return value.doubleValue() == 1.0;
        }
        return false;
    }
}
