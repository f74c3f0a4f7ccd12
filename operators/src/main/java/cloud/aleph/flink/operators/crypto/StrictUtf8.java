package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.crypto.codec.PyJson;

/**
 * UTF-8 as Python's {@code str.encode()} does it: a lone surrogate raises UnicodeEncodeError (a
 * ValueError, so a bad signature) instead of turning into {@code '?'} as {@link String#getBytes} would.
 */
final class StrictUtf8 {

    private StrictUtf8() {}

    /** The verification buffer ({@code chain\nsender\ntype\nitem_hash}). */
    static byte[] verificationBuffer(SignedPayload payload) {
        if (!PyJson.wellFormed(payload.verificationText())) {
            throw new IllegalArgumentException("'utf-8' codec can't encode a lone surrogate in the signed fields");
        }
        return payload.verificationBuffer();
    }
}
