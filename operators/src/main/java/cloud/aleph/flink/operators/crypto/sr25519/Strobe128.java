package cloud.aleph.flink.operators.crypto.sr25519;

import java.nio.charset.StandardCharsets;

/**
 * The subset of STROBE-128 (v1.0.2) that merlin needs: meta-AD, AD and PRF. Mirrors merlin's own
 * minimal implementation so that transcripts hash exactly as schnorrkel's do.
 */
final class Strobe128 {

    private static final int RATE = 166;
    private static final int FLAG_I = 1;
    private static final int FLAG_A = 1 << 1;
    private static final int FLAG_C = 1 << 2;
    private static final int FLAG_M = 1 << 4;
    private static final int FLAG_K = 1 << 5;

    private final byte[] state;
    private int pos;
    private int posBegin;

    Strobe128(byte[] protocolLabel) {
        state = new byte[200];
        byte[] header = {1, (byte) (RATE + 2), 1, 0, 1, 96};
        System.arraycopy(header, 0, state, 0, header.length);
        byte[] version = "STROBEv1.0.2".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(version, 0, state, 6, version.length);
        Keccak1600.permute(state);
        metaAd(protocolLabel, false);
    }

    private Strobe128(Strobe128 other) {
        state = other.state.clone();
        pos = other.pos;
        posBegin = other.posBegin;
    }

    Strobe128 copy() {
        return new Strobe128(this);
    }

    void metaAd(byte[] data, boolean more) {
        beginOp(FLAG_M | FLAG_A, more);
        absorb(data);
    }

    void ad(byte[] data, boolean more) {
        beginOp(FLAG_A, more);
        absorb(data);
    }

    void prf(byte[] out, boolean more) {
        beginOp(FLAG_I | FLAG_A | FLAG_C, more);
        squeeze(out);
    }

    private void runF() {
        state[pos] ^= (byte) posBegin;
        state[pos + 1] ^= 0x04;
        state[RATE + 1] ^= (byte) 0x80;
        Keccak1600.permute(state);
        pos = 0;
        posBegin = 0;
    }

    private void absorb(byte[] data) {
        for (byte b : data) {
            state[pos] ^= b;
            pos++;
            if (pos == RATE) {
                runF();
            }
        }
    }

    private void squeeze(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = state[pos];
            state[pos] = 0;
            pos++;
            if (pos == RATE) {
                runF();
            }
        }
    }

    private void beginOp(int flags, boolean more) {
        if (more) {
            // merlin only continues an operation with the same flags
            return;
        }
        int oldBegin = posBegin;
        posBegin = pos + 1;
        absorb(new byte[] {(byte) oldBegin, (byte) flags});
        boolean forceF = (flags & (FLAG_C | FLAG_K)) != 0;
        if (forceF && pos != 0) {
            runF();
        }
    }
}
