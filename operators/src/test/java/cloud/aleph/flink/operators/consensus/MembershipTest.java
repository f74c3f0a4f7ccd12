package cloud.aleph.flink.operators.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MembershipTest {

    private static final String A = "0x" + "a".repeat(40);
    private static final String B = "0x" + "b".repeat(40);
    private static final String C = "0x" + "C".repeat(40);

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
    void aMemberIsAnIdWithItsRegisteredAddressInAnyCase() {
        Membership members = Membership.parse("ccn-1=" + A + ",ccn-3=" + C, "1", null);

        assertThat(members.isMember("ccn-3", C.toLowerCase())).isTrue();
        assertThat(members.isMember("ccn-1", C)).isFalse();
        assertThat(members.isMember("ccn-2", B)).isFalse();
        assertThat(members.isMember("ccn-1", null)).isFalse();
    }

    @Test
    void badConfigurationsAreRefused() {
        assertThatThrownBy(() -> Membership.parse("", "majority", null)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> Membership.parse("ccn-1=0x12", "majority", null)).hasMessageContaining("id=0x");
        assertThatThrownBy(() -> Membership.parse("ccn-1=" + A + ",ccn-1=" + B, "majority", null)).hasMessageContaining("twice");
        assertThatThrownBy(() -> Membership.parse("ccn-1=" + A, "2", null)).hasMessageContaining("between 1 and");
    }
}
