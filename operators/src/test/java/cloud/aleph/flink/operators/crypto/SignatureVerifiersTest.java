package cloud.aleph.flink.operators.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.Chain.Family;
import org.junit.jupiter.api.Test;

class SignatureVerifiersTest {

    private final SignatureVerifiers defaults = SignatureVerifiers.defaults();

    @Test
    void defaultsCoverEvmAndSolana() {
        assertThat(defaults.supports(Family.EVM)).isTrue();
        assertThat(defaults.supports(Family.SOLANA)).isTrue();
        assertThat(defaults.forChain(Chain.NEO)).containsInstanceOf(EvmVerifier.class);
        assertThat(defaults.forChain(Chain.ES)).containsInstanceOf(SolanaVerifier.class);
        assertThat(defaults.verify(SignedPayloadFixtures.line(1)).isValid()).isTrue();
        assertThat(defaults.verify(SignedPayloadFixtures.line(2)).isValid()).isTrue();
    }

    @Test
    void everyFamilyButNoneHasADefaultVerifier() {
        for (Family family : Family.values()) {
            assertThat(defaults.supports(family)).as("%s", family).isEqualTo(family != Family.NONE);
        }
    }

    @Test
    void familiesWithoutAVerifierAnswerNotSupportedYet() {
        SignatureVerifiers evmOnly = SignatureVerifiers.builder().register(Family.EVM, new EvmVerifier()).build();
        SignedPayload avax = SignedPayloadFixtures.line(3);
        SignatureResult result = evmOnly.verify(avax);
        assertThat(result.outcome()).isEqualTo(SignatureResult.Outcome.INVALID);
        assertThat(result.reason()).isEqualTo("chain not supported yet: AVAX");
    }

    @Test
    void registeringAFamilyIsOneLine() {
        SignatureVerifier alwaysValid = payload -> SignatureResult.valid();
        SignatureVerifiers withAvalanche = SignatureVerifiers.builder().register(Family.AVALANCHE, alwaysValid).build();
        assertThat(withAvalanche.verify(SignedPayloadFixtures.line(3)).isValid()).isTrue();
        assertThat(withAvalanche.supports(Family.EVM)).isFalse();
    }

    @Test
    void familyNoneHasNoVerifier() {
        SignedPayload aurora = new SignedPayload(Chain.AURORA, "x", "POST", "h", "sig", 0);
        assertThatThrownBy(() -> defaults.verify(aurora)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignatureVerifiers.builder().register(Family.NONE, payload -> SignatureResult.valid()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
