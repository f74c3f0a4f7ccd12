package cloud.aleph.flink.operators.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.signing.EthereumSigner;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Node keys as configured: the original secp256k1 hex, and the typed forms. */
class CcnKeyTest {

    private static final String SECP256K1_HEX = "11".repeat(32);
    private static final byte[] TEXT = "aleph-flink attestation v1\nccn-1\n0\n7\nabc\nvalid\n-".getBytes(StandardCharsets.UTF_8);

    /** RFC 8032 §7.1, TEST 1: secret key, public key and the signature of the empty message. */
    private static final String RFC8032_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String RFC8032_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String RFC8032_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    @Test
    void plainHexIsTheOriginalSecp256k1KeyWithTheSameAddressAndSignatures() {
        EthereumSigner original = new EthereumSigner(Hex.decode(SECP256K1_HEX));
        for (String configured : new String[] {SECP256K1_HEX, "0x" + SECP256K1_HEX, "secp256k1:" + SECP256K1_HEX,
                "SECP256K1:0x" + SECP256K1_HEX.toUpperCase(Locale.ROOT), " " + SECP256K1_HEX + "\n"}) {
            CcnKey key = CcnKey.parse(configured);

            assertThat(key).as(configured).isInstanceOf(Secp256k1CcnKey.class);
            assertThat(key.identity()).as(configured).isEqualTo(original.address());
            assertThat(key.sign(TEXT)).as(configured).isEqualTo(original.sign(TEXT));
        }
    }

    @Test
    void anEd25519KeySignsTheTextItselfAsRfc8032Says() {
        CcnKey key = CcnKey.parse("ed25519:" + RFC8032_SEED);

        assertThat(key).isInstanceOf(Ed25519CcnKey.class);
        assertThat(key.identity()).isEqualTo("ed25519:" + RFC8032_PUBLIC);
        assertThat(key.sign(new byte[0])).isEqualTo("0x" + RFC8032_SIGNATURE);
        assertThat(CcnKey.parse("Ed25519:" + RFC8032_SEED.toUpperCase(Locale.ROOT)).identity())
                .as("the type and the hex in either case").isEqualTo("ed25519:" + RFC8032_PUBLIC);
    }

    @Test
    void signaturesAreDeterministic() {
        for (String configured : new String[] {SECP256K1_HEX, "ed25519:" + RFC8032_SEED}) {
            CcnKey key = CcnKey.parse(configured);
            assertThat(key.sign(TEXT)).isEqualTo(CcnKey.parse(configured).sign(TEXT));
        }
        assertThat(CcnKey.parse("ed25519:" + RFC8032_SEED).sign(TEXT)).matches("0x[0-9a-f]{128}");
        assertThat(CcnKey.parse(SECP256K1_HEX).sign(TEXT)).matches("0x[0-9a-f]{130}");
    }

    @Test
    void badKeysAreRefusedWithAReasonAndWithoutRepeatingTheKey() {
        String secret = "ab".repeat(31);
        assertRefused(null, "got nothing");
        assertRefused("  ", "got nothing");
        assertRefused(secret, "secp256k1 node key is 64 hex digits");
        assertRefused("0".repeat(64), "secp256k1 node key is 64 hex digits");
        assertRefused("secp256k1:" + secret + "zz", "secp256k1 node key");
        assertRefused("ed25519:" + secret, "ed25519 node key is ed25519: and 64 hex digits");
        assertRefused("ed25519:0x" + "ab".repeat(32), "not all hex");
        assertRefused("ed25519:" + "g".repeat(64), "not all hex");
        assertRefused("ed25519:" + "ab".repeat(33), "got 66 characters");
        assertRefused("rsa:" + secret, "unknown node key type 'rsa'");
        assertRefused(secret + ":" + secret, "unknown node key type:");
        for (String configured : new String[] {secret, "ed25519:" + secret, "rsa:" + secret, secret + ":" + secret}) {
            assertThatThrownBy(() -> CcnKey.parse(configured)).as(configured)
                    .message().doesNotContain(secret.substring(0, 16));
        }
    }

    private static void assertRefused(String configured, String reason) {
        assertThatThrownBy(() -> CcnKey.parse(configured)).as(configured)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }
}
