package cloud.aleph.flink.operators.crypto.sr25519;

import java.nio.charset.StandardCharsets;

/** A merlin v1.0 transcript: domain-separated messages in, challenge bytes out (STROBE-128 inside). */
final class MerlinTranscript {

    private final Strobe128 strobe;

    MerlinTranscript(String label) {
        strobe = new Strobe128(ascii("Merlin v1.0"));
        appendMessage("dom-sep", ascii(label));
    }

    private MerlinTranscript(Strobe128 strobe) {
        this.strobe = strobe;
    }

    MerlinTranscript copy() {
        return new MerlinTranscript(strobe.copy());
    }

    void appendMessage(String label, byte[] message) {
        strobe.metaAd(ascii(label), false);
        strobe.metaAd(littleEndian32(message.length), true);
        strobe.ad(message, false);
    }

    byte[] challengeBytes(String label, int length) {
        byte[] out = new byte[length];
        strobe.metaAd(ascii(label), false);
        strobe.metaAd(littleEndian32(length), true);
        strobe.prf(out, false);
        return out;
    }

    private static byte[] littleEndian32(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
