package cloud.aleph.flink.operators.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.conformance.Fixtures;
import cloud.aleph.flink.operators.conformance.Fixtures.Expected;
import cloud.aleph.flink.operators.conformance.Fixtures.Fixture;
import cloud.aleph.flink.operators.crypto.NativeSecp256k1Recovery;
import cloud.aleph.flink.operators.crypto.SignatureVerifiers;
import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.json.AlephJsonException;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every line of the reference fixtures against expectations.csv (see the conformance README). */
class ConformanceTest {

    private static final SignatureVerifiers VERIFIERS = SignatureVerifiers.defaults();
    private static final MessageVerifier VERIFIER = new MessageVerifier(VERIFIERS);

    static List<Fixture> fixtures() {
        return Fixtures.all();
    }

    @ParameterizedTest(name = "line {0}")
    @MethodSource("fixtures")
    void verdictMatchesTheReference(Fixture fixture) {
        Optional<Chain> chain = Chain.fromWire(fixture.chain());
        boolean verifierExists = chain.map(c -> VERIFIERS.supports(c.family())).orElse(false);
        Expected expected = verifierExists ? fixture.withAllChains() : fixture.now();

        Verdict verdict = VERIFIER.verifyLine(fixture.json());

        if (expected.accepted()) {
            assertThat(verdict.isAccepted())
                    .as("line %s should be accepted, rejection: %s", fixture, verdict.rejected())
                    .isTrue();
            assertThat(verdict.accepted().itemHash()).isEqualTo(claimed(fixture, "item_hash"));
            assertThat(verdict.accepted().sender()).isEqualTo(claimed(fixture, "sender"));
        } else {
            assertThat(verdict.isAccepted()).as("line %s should be rejected", fixture).isFalse();
            assertThat(verdict.rejected().errorCode())
                    .as("line %s: %s", fixture, verdict.rejected().reason())
                    .isEqualTo(expected.code());
            assertThat(verdict.rejected().rejectionId())
                    .isEqualTo(ItemHashes.sha256Hex(fixture.json().getBytes(StandardCharsets.UTF_8)));
            if (!verifierExists && chain.isPresent() && expected.code() == ErrorCode.INVALID_SIGNATURE) {
                assertThat(verdict.rejected().reason()).isEqualTo(SignatureVerifiers.NOT_SUPPORTED_YET + ": " + fixture.chain());
            }
        }
    }

    @Test
    void everyLineHasAnExpectationAndTheCountsMatchTheReadme() {
        List<Fixture> fixtures = Fixtures.all();
        assertThat(fixtures).hasSize(76);
        assertThat(fixtures).extracting(Fixture::id).doesNotHaveDuplicates();
        // Only lines of chains without a verifier yet may differ between the two expectation columns.
        assertThat(fixtures)
                .filteredOn(f -> !f.now().equals(f.withAllChains()))
                .extracting(Fixture::chain)
                .containsOnly("AVAX", "DOT", "TEZOS", "NULS2");
    }

    @Test
    void nativeRecoveryGivesEveryLineTheSameVerdict() throws Exception {
        // EVM, NULS2 and AVAX recover keys through the configured implementation.
        MessageVerifier nativeVerifier = new MessageVerifier(SignatureVerifiers.defaults(NativeSecp256k1Recovery.load()));
        List<String> chainsThatRecover = List.of("ETH", "NULS2", "AVAX");
        assertThat(Fixtures.all()).extracting(Fixture::chain).containsAll(chainsThatRecover);
        for (Fixture fixture : Fixtures.all()) {
            Verdict expected = VERIFIER.verifyLine(fixture.json());
            Verdict actual = nativeVerifier.verifyLine(fixture.json());
            assertThat(actual.isAccepted()).as("line %s", fixture).isEqualTo(expected.isAccepted());
            if (!expected.isAccepted()) {
                assertThat(actual.rejected().errorCode()).as("line %s", fixture).isEqualTo(expected.rejected().errorCode());
                assertThat(actual.rejected().reason()).as("line %s", fixture).isEqualTo(expected.rejected().reason());
            }
        }
    }

    private static String claimed(Fixture fixture, String field) {
        try {
            return AlephJson.parse(fixture.json()).get(field).textValue();
        } catch (AlephJsonException e) {
            throw new AssertionError(e);
        }
    }
}
