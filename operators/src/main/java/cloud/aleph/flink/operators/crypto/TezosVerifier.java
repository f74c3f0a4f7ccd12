package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.crypto.tezos.MichelineMessage;
import cloud.aleph.flink.operators.crypto.tezos.TezosKey;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.AlephJsonException;
import cloud.aleph.flink.operators.text.StrictUtf8;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * TEZOS signatures (spec §3.2.5): a JSON object {@code {signature, publicKey, signingType?,
 * dAppUrl?}}; the sender must be the public key hash; the signed bytes are the buffer ("raw") or
 * the wallet's micheline message embedding the envelope time; ed25519, secp256k1 or P-256 over
 * BLAKE2b-256. Follows the reference step by step, including which failures it reports as an
 * unexpected error rather than a bad signature (a non-object JSON, a non-string key or URL, an
 * unknown key kind).
 */
public final class TezosVerifier implements SignatureVerifier {

    private static final String DEFAULT_DAPP_URL = "aleph.im";

    @Override
    public SignatureResult verify(SignedPayload payload) {
        return ReferenceFailures.ONLY_VALUE_ERRORS_INVALID.verify(TezosVerifier::check, payload);
    }

    private static SignatureResult check(SignedPayload payload) {
        JsonNode signatureDict;
        try {
            signatureDict = AlephJson.parse(payload.signature());
        } catch (AlephJsonException e) {
            return SignatureResult.invalid("signature is not JSON");
        }
        if (!signatureDict.isObject()) {
            throw new VerifierInternalError("signature JSON is a " + signatureDict.getNodeType() + ", not an object");
        }
        JsonNode signature = signatureDict.get("signature");
        JsonNode publicKey = signatureDict.get("publicKey");
        if (signature == null || publicKey == null) {
            return SignatureResult.invalid("signature or publicKey missing from the Tezos signature");
        }
        boolean micheline = signingType(signatureDict.get("signingType"));
        JsonNode dAppUrl = signatureDict.has("dAppUrl") ? signatureDict.get("dAppUrl") : null;

        TezosKey key = TezosKey.fromEncodedKey(text(publicKey, "publicKey"));
        if (!payload.sender().equals(key.publicKeyHash())) {
            return SignatureResult.invalid("sender does not match the public key hash");
        }
        byte[] signed = micheline
                ? MichelineMessage.bytesToSign(payload.strictVerificationBuffer(), payload.time(), dAppUrlBytes(dAppUrl))
                : payload.strictVerificationBuffer();
        key.verify(text(signature, "signature"), signed);
        return SignatureResult.valid();
    }

    /** {@code TezosSignatureType(value)}: anything but "raw" or "micheline" is a ValueError. */
    private static boolean signingType(JsonNode value) {
        if (value == null) {
            return false;
        }
        if (value.isTextual() && value.textValue().equals("raw")) {
            return false;
        }
        if (value.isTextual() && value.textValue().equals("micheline")) {
            return true;
        }
        throw new IllegalArgumentException("unsupported signingType " + value);
    }

    private static byte[] dAppUrlBytes(JsonNode value) {
        if (value == null) {
            return DEFAULT_DAPP_URL.getBytes(StandardCharsets.UTF_8);
        }
        String url = text(value, "dAppUrl");
        if (!StrictUtf8.canEncode(url)) {
            throw new IllegalArgumentException("dAppUrl cannot be encoded as UTF-8");
        }
        return url.getBytes(StandardCharsets.UTF_8);
    }

    /** pytezos and the URL encoding call str methods: another JSON type raises TypeError/AttributeError. */
    private static String text(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw new VerifierInternalError(field + " is a " + value.getNodeType() + ", not a string");
        }
        return value.textValue();
    }
}
