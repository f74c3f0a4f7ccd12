package cloud.aleph.flink.operators.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.aleph.flink.operators.crypto.EvmVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private static final String A = "0x" + "a".repeat(40);
    private static final String B = "0x" + "b".repeat(40);
    private static final String C = "0x" + "C".repeat(40);
    private static final String ED = "ed25519:" + "5a".repeat(32);

    private static final EvmVerifier SECP256K1 = new EvmVerifier();
    private static final byte[] TEXT = "aleph-flink attestation v1\nccn-1\n0\n7\nabc\nvalid\n-".getBytes(StandardCharsets.UTF_8);
    private static final CcnKey KEY_1 = CcnKey.parse("11".repeat(32));
    private static final CcnKey KEY_2 = CcnKey.parse("ed25519:" + "22".repeat(32));
    private static final CcnKey KEY_3 = CcnKey.parse("secp256k1:" + "33".repeat(32));

    @Test
    void theDefaultQuorumIsAMajorityAndTypesCanOverrideIt() {
        Membership members = Membership.parse("ccn-1=" + A + ",ccn-2=" + B + ",ccn-3=" + C, "majority", "STORE=3");

        assertThat(members.size()).isEqualTo(3);
        assertThat(members.quorum("POST")).isEqualTo(2);
        assertThat(members.quorum("STORE")).isEqualTo(3);
        assertThat(members.quorum(null)).isEqualTo(2);
        assertThat(members.majority()).isEqualTo(2);
        assertThat(Membership.parse("ccn-1=" + A, "majority", "").quorum("POST")).isEqualTo(1);
    }

    @Test
    void aMemberSignsWithTheKeyRegisteredForItsIdWhateverTheCaseOfTheRegisteredAddress() {
        String upperCaseAddress = "0x" + KEY_3.identity().substring(2).toUpperCase(Locale.ROOT);
        Membership members = Membership.parse("ccn-1=" + KEY_1.identity().toLowerCase(Locale.ROOT) + ",ccn-3=" + upperCaseAddress,
                "1", null);

        assertThat(members.signedBy("ccn-3", TEXT, KEY_3.sign(TEXT), SECP256K1)).isTrue();
        assertThat(members.signedBy("ccn-1", TEXT, KEY_1.sign(TEXT), SECP256K1)).isTrue();
        assertThat(members.signedBy("ccn-1", TEXT, KEY_3.sign(TEXT), SECP256K1)).as("another member's key").isFalse();
        assertThat(members.signedBy("ccn-2", TEXT, KEY_1.sign(TEXT), SECP256K1)).as("not a member").isFalse();
        assertThat(members.signedBy(null, TEXT, KEY_1.sign(TEXT), SECP256K1)).as("no id").isFalse();
        assertThat(members.signedBy("ccn-1", TEXT, null, SECP256K1)).as("no signature").isFalse();
        assertThat(members.isKnownId("ccn-3")).isTrue();
        assertThat(members.isKnownId("ccn-2")).isFalse();
    }

    @Test
    void aSetMayMixSecp256k1AndEd25519Members() {
        Membership members = Membership.parse(" ccn-1=" + KEY_1.identity() + " , ccn-2=" + KEY_2.identity()
                + ",ccn-3=" + KEY_3.identity() + ",", "majority", null);

        assertThat(members.size()).isEqualTo(3);
        assertThat(members.identities().keySet()).containsExactly("ccn-1", "ccn-2", "ccn-3");
        assertThat(members.identities().get("ccn-2")).isInstanceOf(Ed25519Identity.class)
                .extracting(CcnIdentity::text).isEqualTo(KEY_2.identity());
        assertThat(members.identities().get("ccn-1")).isInstanceOf(Secp256k1Identity.class)
                .extracting(CcnIdentity::text).isEqualTo(KEY_1.identity().toLowerCase(Locale.ROOT));
        assertThat(members.signedBy("ccn-2", TEXT, KEY_2.sign(TEXT), SECP256K1)).isTrue();
        assertThat(members.signedBy("ccn-2", TEXT, KEY_1.sign(TEXT), SECP256K1)).as("a secp256k1 signature").isFalse();
        assertThat(members.signedBy("ccn-1", TEXT, KEY_2.sign(TEXT), SECP256K1)).as("an ed25519 signature").isFalse();
        assertThat(members.signedBy("ccn-2", "other".getBytes(StandardCharsets.UTF_8), KEY_2.sign(TEXT), SECP256K1))
                .as("another text").isFalse();
        assertThat(members.signedBy("ccn-2", TEXT, CcnKey.parse("ed25519:" + "99".repeat(32)).sign(TEXT), SECP256K1))
                .as("another ed25519 key").isFalse();
    }

    @Test
    void badConfigurationsAreRefused() {
        assertThatThrownBy(() -> Membership.parse("", "majority", null)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> Membership.parse("ccn-1=0x12", "majority", null)).hasMessageContaining("id=0x");
        assertThatThrownBy(() -> Membership.parse("ccn-1=" + A + ",ccn-1=" + B, "majority", null)).hasMessageContaining("twice");
        assertThatThrownBy(() -> Membership.parse("ccn-1=" + A, "2", null)).hasMessageContaining("between 1 and");
    }

    @Test
    void badEd25519MembersAreRefusedWithTheEntry() {
        assertThatThrownBy(() -> Membership.parse("ccn-1=" + A + ",ccn-2=ed25519:abcd", "majority", null))
                .hasMessageContaining("id=ed25519:<64 hex>").hasMessageContaining("'ccn-2=ed25519:abcd'");
        assertThatThrownBy(() -> Membership.parse("ccn-1=" + ED + ",ccn-1=" + A, "majority", null)).hasMessageContaining("twice");
        assertThatThrownBy(() -> Membership.parse("=" + ED, "majority", null)).hasMessageContaining("a CCN member is id=");
        assertThatThrownBy(() -> Membership.parse(ED, "majority", null)).hasMessageContaining("a CCN member is id=");
        assertThatThrownBy(() -> Membership.parse("ccn-1=" + "5a".repeat(32), "majority", null))
                .as("a public key without its type").hasMessageContaining("a CCN member is id=");
        assertThatThrownBy(() -> Membership.parse("ccn-1=ed25519:" + "00".repeat(32), "majority", null))
                .hasRootCauseMessage("ed25519:" + "00".repeat(32) + " is a point of small order, not a public key");
    }
}
