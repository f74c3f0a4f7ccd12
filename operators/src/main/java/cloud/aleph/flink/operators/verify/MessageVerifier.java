package cloud.aleph.flink.operators.verify;

import cloud.aleph.flink.operators.crypto.SignatureResult;
import cloud.aleph.flink.operators.crypto.Secp256k1Recoveries;
import cloud.aleph.flink.operators.crypto.SignatureVerifiers;
import cloud.aleph.flink.operators.crypto.SignedPayload;
import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.AlephJsonException;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.ItemType;
import cloud.aleph.flink.operators.model.RawMessage;
import cloud.aleph.flink.operators.model.Rejection;
import cloud.aleph.flink.operators.model.Verdict;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import cloud.aleph.flink.operators.validation.EnvelopeParser;
import cloud.aleph.flink.operators.validation.EnvelopeRejection;
import cloud.aleph.flink.operators.validation.EnvelopeResult;
import cloud.aleph.flink.operators.validation.ParsedEnvelope;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The checks a message passes before it may touch state, as one pure step: JSON dialect and
 * envelope intake rules (spec §1.2), item_hash (§2.2), then the chain signature (§3). Every input
 * gets a verdict; nothing is thrown. No I/O; thread-safe.
 *
 * <p>A record of the trusted input ({@link RawMessage#trusted()}) passes the same checks, except
 * that it may come without a signature: an unsigned smart-contract message (spec §9.4), which the
 * reference processes with {@code check_message = false}. A trusted record that does carry a
 * signature has it verified like any other: the reference skips verification only for
 * smart-contract messages, which never carry one, and verifies every signed message it gets
 * (P2P, API, on-chain sync archives); so every signature the pipeline stores is a verified one.
 */
public final class MessageVerifier {

    private final SignatureVerifiers verifiers;

    public MessageVerifier(SignatureVerifiers verifiers) {
        this.verifiers = Objects.requireNonNull(verifiers);
    }

    /** A verifier with {@link SignatureVerifiers#defaults()}. */
    public static MessageVerifier withDefaultVerifiers() {
        return new MessageVerifier(SignatureVerifiers.defaults());
    }

    /**
     * A verifier with every chain's default verifier and the secp256k1 implementation chosen by
     * {@code secp256k1} ({@code native}, {@code bouncycastle} or {@code auto}, see {@link Secp256k1Recoveries}).
     */
    public static MessageVerifier withDefaultVerifiers(String secp256k1) {
        return new MessageVerifier(SignatureVerifiers.defaults(Secp256k1Recoveries.shared().select(secp256k1).recovery()));
    }

    /** Verifies one JSON line given outside Kafka (the offline {@code verify} tool): partition and offset −1, time 0. */
    public Verdict verifyLine(String jsonLine) {
        return verify(new RawMessage(-1, -1L, 0L, jsonLine.getBytes(StandardCharsets.UTF_8)));
    }

    public Verdict verify(RawMessage raw) {
        byte[] payload = raw.payload() == null ? new byte[0] : raw.payload();
        JsonNode root = null;
        try {
            try {
                root = AlephJson.parse(payload);
            } catch (AlephJsonException e) {
                return reject(raw, payload, null, ErrorCode.INVALID_FORMAT, "Message is not valid JSON: " + e.getMessage());
            }
            EnvelopeResult result = EnvelopeParser.parse(root, !raw.trusted());
            if (result instanceof EnvelopeRejection) {
                EnvelopeRejection rejection = (EnvelopeRejection) result;
                return reject(raw, payload, root, rejection.errorCode(), rejection.reason());
            }
            ParsedEnvelope envelope = (ParsedEnvelope) result;
            if (envelope.signature() == null || envelope.signature().isEmpty()) {
                // Only trusted input gets here unsigned (the parser requires a signature elsewhere): the chain
                // transaction authenticated the sender, and the reference checks nothing more, not even the chain.
                return Verdict.accept(accepted(raw, envelope));
            }
            if (envelope.chain().family() == Chain.Family.NONE) {
                return reject(raw, payload, root, ErrorCode.INVALID_FORMAT,
                        "Unknown chain for validation: " + envelope.chain().wire());
            }
            if (!verifiers.supports(envelope.chain().family())) {
                return reject(raw, payload, root, ErrorCode.INVALID_SIGNATURE,
                        SignatureVerifiers.NOT_SUPPORTED_YET + ": " + envelope.chain().wire());
            }
            SignatureResult signature = verifiers.verify(new SignedPayload(
                    envelope.chain(),
                    envelope.sender(),
                    envelope.type().wire(),
                    envelope.itemHash(),
                    envelope.signature(),
                    envelope.time()));
            switch (signature.outcome()) {
                case VALID:
                    return Verdict.accept(accepted(raw, envelope));
                case INVALID:
                    return reject(raw, payload, root, ErrorCode.INVALID_SIGNATURE,
                            "The signature of the message is invalid: " + signature.reason());
                default:
                    return reject(raw, payload, root, ErrorCode.INTERNAL_ERROR,
                            "Unexpected error while verifying the signature: " + signature.reason());
            }
        } catch (RuntimeException | StackOverflowError e) {
            // A defect, not bad input; still a verdict, so the pipeline keeps running.
            return reject(raw, payload, root, ErrorCode.INTERNAL_ERROR, "Unexpected error: " + e);
        }
    }

    private static VerifiedMessage accepted(RawMessage raw, ParsedEnvelope envelope) {
        boolean inline = envelope.itemType() == ItemType.INLINE;
        String owner = null;
        Double contentTime = null;
        int size = 0;
        if (inline) {
            JsonNode address = envelope.content().get("address");
            owner = address != null && address.isTextual() ? address.textValue() : null;
            JsonNode time = envelope.content().get("time");
            contentTime = time != null && time.isNumber() ? time.doubleValue() : null;
            size = envelope.itemContent().codePointCount(0, envelope.itemContent().length());
        }
        return new VerifiedMessage(
                envelope.itemHash(),
                envelope.chain(),
                envelope.sender(),
                envelope.type(),
                envelope.itemType(),
                envelope.itemContent(),
                envelope.signature(),
                envelope.time(),
                envelope.channel(),
                owner,
                contentTime,
                size,
                raw.partition(),
                raw.offset(),
                raw.timestampMillis());
    }

    private static Verdict reject(RawMessage raw, byte[] payload, JsonNode root, ErrorCode code, String reason) {
        return Verdict.reject(new Rejection(
                ItemHashes.sha256Hex(payload),
                claimed(root, "item_hash"),
                code,
                reason,
                claimed(root, "sender"),
                claimed(root, "chain"),
                claimed(root, "type"),
                rawText(payload),
                payload.length,
                raw.partition(),
                raw.offset(),
                raw.timestampMillis()));
    }

    /** A claimed envelope field when it is a string, else null. */
    private static String claimed(JsonNode root, String field) {
        if (root == null || !root.isObject()) {
            return null;
        }
        JsonNode value = root.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** The payload as text (invalid UTF-8 replaced), cut to the kept length without splitting a surrogate pair. */
    public static String rawText(byte[] payload) {
        // A kept character takes at most 3 bytes (a surrogate pair 4 for 2), so a prefix this long is enough.
        int prefix = Math.min(payload.length, Rejection.MAX_RAW_CHARS * 3 + 4);
        String text = new String(payload, 0, prefix, StandardCharsets.UTF_8);
        if (text.length() <= Rejection.MAX_RAW_CHARS) {
            return text;
        }
        int end = Rejection.MAX_RAW_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
