package cloud.aleph.flink.operators.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.aleph.flink.operators.crypto.EvmVerifier;
import cloud.aleph.flink.operators.crypto.Secp256k1Recoveries;
import cloud.aleph.flink.operators.crypto.codec.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whether a signature of a consensus text is the registered key's, for both kinds of node key. */
class CcnIdentityTest {

    private static final EvmVerifier SECP256K1 = new EvmVerifier();
    private static final byte[] TEXT = "aleph-flink digest v1\nccn-3\n0\n0\n99\nroot\nchain".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_TEXT = "aleph-flink digest v1\nccn-3\n0\n0\n99\nroot\nchaim".getBytes(StandardCharsets.UTF_8);

    private static final CcnKey SECP = CcnKey.parse("11".repeat(32));
    private static final CcnKey SECP_OTHER = CcnKey.parse("secp256k1:" + "22".repeat(32));
    private static final CcnKey ED = CcnKey.parse("ed25519:" + "33".repeat(32));
    private static final CcnKey ED_OTHER = CcnKey.parse("ed25519:" + "44".repeat(32));

    private static boolean signed(CcnKey registered, byte[] text, String signature) {
        return CcnIdentity.parse(registered.identity()).signed(text, signature, SECP256K1);
    }

    @Test
    void eachKeysSignatureIsItsOwnAndNoOneElses() {
        for (CcnKey key : List.of(SECP, SECP_OTHER, ED, ED_OTHER)) {
            String signature = key.sign(TEXT);
            for (CcnKey registered : List.of(SECP, SECP_OTHER, ED, ED_OTHER)) {
                assertThat(signed(registered, TEXT, signature))
                        .as("%s's signature checked against %s", key.identity(), registered.identity())
                        .isEqualTo(registered == key);
            }
        }
    }

    @Test
    void aSignatureOfAnotherTextIsRefused() {
        for (CcnKey key : List.of(SECP, ED)) {
            assertThat(signed(key, OTHER_TEXT, key.sign(TEXT))).as(key.identity()).isFalse();
            assertThat(signed(key, TEXT, key.sign(OTHER_TEXT))).as(key.identity()).isFalse();
        }
    }

    @Test
    void aTamperedSignatureIsRefused() {
        for (CcnKey key : List.of(SECP, ED)) {
            byte[] signature = Hex.decode(key.sign(TEXT));
            for (int i : new int[] {0, 31, 32, 63}) {
                byte[] tampered = signature.clone();
                tampered[i] ^= 0x01;
                assertThat(signed(key, TEXT, "0x" + Hex.encode(tampered))).as("%s, byte %d", key.identity(), i).isFalse();
            }
        }
    }

    @Test
    void anEd25519SignatureWithANonCanonicalSIsRefused() {
        // S + ℓ verifies in the group equation; libsodium's rules refuse it, so one signature has one form.
        BigInteger order = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
        byte[] signature = Hex.decode(ED.sign(TEXT));
        byte[] s = reversed(Arrays.copyOfRange(signature, 32, 64));
        byte[] bigger = new BigInteger(1, s).add(order).toByteArray();
        byte[] sPlusOrder = new byte[32];
        byte[] little = reversed(bigger);
        System.arraycopy(little, 0, sPlusOrder, 0, Math.min(32, little.length));
        System.arraycopy(sPlusOrder, 0, signature, 32, 32);

        assertThat(signed(ED, TEXT, "0x" + Hex.encode(signature))).isFalse();
    }

    @Test
    void anEd25519SignatureIsReadWithOrWithoutItsPrefixInEitherCase() {
        String signature = ED.sign(TEXT);
        assertThat(signature).startsWith("0x").hasSize(2 + 128);
        assertThat(signed(ED, TEXT, signature.substring(2))).isTrue();
        assertThat(signed(ED, TEXT, "0X" + signature.substring(2).toUpperCase(Locale.ROOT))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x", "0x1234", "not hex at all", "0xdeadbeef", "{\"signature\": \"x\"}",
            "0x00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "0x0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"})
    void malformedSignaturesAreNobodysAndNeverThrow(String signature) {
        for (CcnKey key : List.of(SECP, ED)) {
            assertThat(signed(key, TEXT, signature)).as("%s: '%s'", key.identity(), signature).isFalse();
        }
    }

    @Test
    void aMissingSignatureOrTextIsNobodys() {
        for (CcnKey key : List.of(SECP, ED)) {
            assertThat(signed(key, TEXT, null)).isFalse();
            assertThat(signed(key, null, key.sign(TEXT))).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "bouncycastle", "auto"})
    void everyConfiguredSecp256k1RecoveryGivesTheSameAnswers(String secp256k1) {
        EvmVerifier configured = new EvmVerifier(Secp256k1Recoveries.shared().select(secp256k1).recovery());
        assertThat(CcnIdentity.parse(SECP.identity()).signed(TEXT, SECP.sign(TEXT), configured)).isTrue();
        assertThat(CcnIdentity.parse(SECP.identity()).signed(TEXT, SECP_OTHER.sign(TEXT), configured)).isFalse();
        assertThat(CcnIdentity.parse(SECP.identity()).signed(TEXT, ED.sign(TEXT), configured)).isFalse();
        assertThat(CcnIdentity.parse(ED.identity()).signed(TEXT, ED.sign(TEXT), configured)).isTrue();
    }

    @Test
    void identitiesAreParsedToTheirCanonicalForm() {
        String address = SECP.identity();
        assertThat(CcnIdentity.parse(address.toUpperCase(Locale.ROOT).replace("0X", "0x")))
                .isEqualTo(new Secp256k1Identity(address))
                .extracting(CcnIdentity::text).isEqualTo(address.toLowerCase(Locale.ROOT));
        String ed = ED.identity();
        assertThat(CcnIdentity.parse("ED25519:" + ed.substring(8).toUpperCase(Locale.ROOT)))
                .isInstanceOf(Ed25519Identity.class)
                .extracting(CcnIdentity::text).isEqualTo(ed);
    }

    @Test
    void badIdentitiesAreRefused() {
        assertThatThrownBy(() -> CcnIdentity.parse("0x12")).hasMessageContaining("0x<40 hex>");
        assertThatThrownBy(() -> CcnIdentity.parse(null)).hasMessageContaining("0x<40 hex>");
        assertThatThrownBy(() -> CcnIdentity.parse("ed25519:abcd")).hasMessageContaining("ed25519:<64 hex>");
        assertThatThrownBy(() -> CcnIdentity.parse("ed25519:0x" + "ab".repeat(32))).hasMessageContaining("ed25519:<64 hex>");
        assertThatThrownBy(() -> CcnIdentity.parse("secp256k1:" + SECP.identity())).hasMessageContaining("0x<40 hex>");
        // The neutral point and a point of order 2: no key, every signature would be theirs under weaker rules.
        assertThatThrownBy(() -> CcnIdentity.parse("ed25519:" + "01" + "00".repeat(31))).hasMessageContaining("small order");
        assertThatThrownBy(() -> CcnIdentity.parse("ed25519:" + "ec" + "ff".repeat(30) + "7f")).hasMessageContaining("small order");
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
