package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.crypto.codec.Bech32;
import cloud.aleph.flink.operators.crypto.codec.PyBase64;
import cloud.aleph.flink.operators.crypto.ecc.EcdsaMath;
import cloud.aleph.flink.operators.crypto.ecc.Secp256k1;
import cloud.aleph.flink.operators.hash.Digests;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.AlephJsonException;
import cloud.aleph.flink.operators.json.PythonJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.math.ec.ECPoint;

/**
 * CSDK (Cosmos SDK) signatures (spec §3.2.3): a JSON object with a base64 64-byte r||s and a
 * {@code tendermint/PubKeySecp256k1} key; the sender must be {@code bech32(hrp of the sender,
 * hash160(key bytes))}; ECDSA secp256k1 over SHA-256 of the ADR-036-like sign doc (sorted keys,
 * compact separators, ASCII escapes), high S accepted as python-ecdsa does. The reference catches
 * every failure, so nothing here is an unexpected error.
 */
public final class CosmosVerifier implements SignatureVerifier {

    private static final String PUB_KEY_TYPE = "tendermint/PubKeySecp256k1";

    @Override
    public SignatureResult verify(SignedPayload payload) {
        return ReferenceFailures.CAUGHT_AS_INVALID.verify(CosmosVerifier::check, payload);
    }

    private static SignatureResult check(SignedPayload payload) throws AlephJsonException {
        JsonNode signature = AlephJson.parsePythonStdlib(payload.signature());
        JsonNode pubKey = signature.isObject() ? signature.get("pub_key") : null;
        if (pubKey == null || !pubKey.isObject()) {
            return SignatureResult.invalid("Cosmos signature has no pub_key object");
        }
        JsonNode type = pubKey.get("type");
        if (type == null || !type.isTextual() || !type.textValue().equals(PUB_KEY_TYPE)) {
            return SignatureResult.invalid("Unsupported curve " + type);
        }
        JsonNode keyValue = pubKey.get("value");
        if (keyValue == null || !keyValue.isTextual()) {
            return SignatureResult.invalid("pub_key.value is not a base64 string");
        }
        byte[] keyBytes = PyBase64.decode(keyValue.textValue());
        int separator = payload.sender().indexOf('1');
        if (separator < 0) {
            return SignatureResult.invalid("sender has no bech32 separator");
        }
        String hrp = payload.sender().substring(0, separator);
        JsonNode signatureValue = signature.get("signature");
        if (signatureValue == null || !signatureValue.isTextual()) {
            return SignatureResult.invalid("signature is not a base64 string");
        }
        byte[] rs = PyBase64.decodeUtf8(signatureValue.textValue());

        String address = Bech32.encodeBytes(hrp, Digests.hash160(keyBytes));
        if (!address.equals(payload.sender())) {
            return SignatureResult.invalid("Signature for bad address " + address);
        }
        ECPoint key = parseKey(keyBytes);
        if (rs.length != 64) {
            return SignatureResult.invalid("signature must be 64 bytes");
        }
        payload.strictVerificationBuffer();
        byte[] digest = Digests.sha256(signDoc(payload).getBytes(StandardCharsets.UTF_8));
        return Secp256k1.verify(key, digest, EcdsaMath.unsigned(rs, 0, 32), EcdsaMath.unsigned(rs, 32, 64))
                ? SignatureResult.valid()
                : SignatureResult.invalid("The signature of the message is invalid");
    }

    /**
     * {@code json.dumps(doc, separators=(",", ":"), sort_keys=True)} of the sign doc; the message
     * is the verification buffer decoded as UTF-8.
     */
    public static String signDoc(SignedPayload payload) {
        return "{\"account_number\":\"0\",\"chain_id\":\"signed-message-v1\",\"fee\":{\"amount\":[],\"gas\":\"0\"},"
                + "\"memo\":\"\",\"msgs\":[{\"type\":\"signutil/MsgSignText\",\"value\":{\"message\":"
                + PythonJson.quote(payload.verificationText()) + ",\"signer\":" + PythonJson.quote(payload.sender())
                + "}}],\"sequence\":\"0\"}";
    }

    /** python-ecdsa {@code VerifyingKey.from_string}: raw 64-byte x||y, or SEC1 compressed, uncompressed or hybrid. */
    private static ECPoint parseKey(byte[] keyBytes) {
        if (keyBytes.length == 64) {
            byte[] uncompressed = new byte[65];
            uncompressed[0] = 4;
            System.arraycopy(keyBytes, 0, uncompressed, 1, 64);
            return Secp256k1.parsePublicKey(uncompressed);
        }
        return Secp256k1.parsePublicKey(keyBytes);
    }
}
