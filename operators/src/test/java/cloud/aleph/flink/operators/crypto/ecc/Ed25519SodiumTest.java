package cloud.aleph.flink.operators.crypto.ecc;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.crypto.codec.Hex;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

class Ed25519SodiumTest {

    @Test
    void verifiesOrdinarySignatures() {
        byte[] seed = new byte[32];
        seed[0] = 9;
        byte[] publicKey = new byte[32];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        byte[] message = "blake2b digest stand-in".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = new byte[64];
        Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
        assertThat(Ed25519Sodium.verify(signature, message, publicKey)).isTrue();
        signature[10] ^= 1;
        assertThat(Ed25519Sodium.verify(signature, message, publicKey)).isFalse();
    }

    @Test
    void refusesSmallOrderKeysAndRLikeLibsodium() {
        // the identity key with R = identity, S = 0 satisfies the cofactorless equation for any message
        byte[] identity = Hex.decode("0100000000000000000000000000000000000000000000000000000000000000");
        byte[] signature = new byte[64];
        System.arraycopy(identity, 0, signature, 0, 32);
        assertThat(Ed25519Sodium.hasSmallOrder(identity)).isTrue();
        assertThat(Ed25519Sodium.verify(signature, new byte[] {1, 2, 3}, identity)).isFalse();
        byte[] identityWithSignBit = identity.clone();
        identityWithSignBit[31] |= (byte) 0x80;
        assertThat(Ed25519Sodium.hasSmallOrder(identityWithSignBit)).isTrue();
        assertThat(Ed25519Sodium.hasSmallOrder(Hex.decode("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"))).isTrue();
        byte[] base = new byte[32];
        Ed25519.generatePublicKey(new byte[32], 0, base, 0);
        assertThat(Ed25519Sodium.hasSmallOrder(base)).isFalse();
    }

    @Test
    void refusesNonCanonicalKeyEncodings() {
        assertThat(Ed25519Sodium.isCanonical(Hex.decode("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"))).isTrue();
        assertThat(Ed25519Sodium.isCanonical(Hex.decode("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"))).isFalse();
        assertThat(Ed25519Sodium.isCanonical(Hex.decode("efffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"))).isFalse();
    }
}
