package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.text.StrictUtf8;
import java.nio.charset.StandardCharsets;

/**
 * What a chain verifier needs from an envelope. Only chain, sender, type and item_hash are signed
 * (spec §3.1); the envelope time is here because TEZOS micheline signatures embed it (§3.2.5).
 *
 * @param chain claimed chain
 * @param sender claimed signer address, as received
 * @param type message type wire value (e.g. {@code POST}, {@code V-PROGRAM})
 * @param itemHash item_hash as received
 * @param signature the signature string as received (its encoding depends on the chain)
 * @param time envelope time in Unix seconds
 */
public record SignedPayload(Chain chain, String sender, String type, String itemHash, String signature, double time) {

    /** {@code chain\nsender\ntype\nitem_hash} in UTF-8, no trailing newline (spec §3.1). */
    public byte[] verificationBuffer() {
        return verificationText().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The verification buffer as Python's {@code str.encode()} makes it, for the verifiers whose
     * reference encodes it: a lone surrogate raises UnicodeEncodeError (a ValueError, so a bad
     * signature) instead of turning into {@code '?'}.
     *
     * @throws IllegalArgumentException when a signed field holds a lone surrogate
     */
    public byte[] strictVerificationBuffer() {
        String text = verificationText();
        if (!StrictUtf8.canEncode(text)) {
            throw new IllegalArgumentException("'utf-8' codec can't encode a lone surrogate in the signed fields");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public String verificationText() {
        return chain.wire() + "\n" + sender + "\n" + type + "\n" + itemHash;
    }
}
