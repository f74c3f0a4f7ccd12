package cloud.aleph.flink.operators.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.crypto.SignatureResult.Outcome;
import cloud.aleph.flink.operators.crypto.codec.Hex;
import cloud.aleph.flink.operators.hash.ItemHashes;
import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.signing.DemoKeys;
import cloud.aleph.flink.operators.signing.EthereumSigner;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvmVerifierTest {

    private static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    private static final String HASH = "f524a258d87f1771e8538fd4fd91acdcc527c3b7f138fafd6ff89a5fcf97c3b7";

    private final EvmVerifier verifier = new EvmVerifier();

    @ParameterizedTest(name = "fixture line {0}")
    @ValueSource(ints = {1, 11, 12, 13, 30, 49, 74, 76})
    void referenceSignaturesVerify(int line) {
        assertThat(verifier.verify(SignedPayloadFixtures.line(line)).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void signatureWithoutPrefixVerifies() {
        SignedPayload b04 = SignedPayloadFixtures.line(16);
        assertThat(b04.signature()).doesNotStartWith("0x");
        assertThat(verifier.verify(b04).isValid()).isTrue();
    }

    @ParameterizedTest(name = "fixture line {0}")
    @ValueSource(ints = {29, 55, 65, 69})
    void referenceBadSignaturesAreInvalid(int line) {
        assertThat(verifier.verify(SignedPayloadFixtures.line(line)).outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void ownSignaturesVerifyOnEveryEvmChain() {
        for (Chain chain : Chain.values()) {
            if (chain.family() == Chain.Family.EVM) {
                EthereumSigner signer = new EthereumSigner(chain, key(7));
                assertThat(verifier.verify(SignedPayloadFixtures.signed(signer, "POST", HASH)).isValid()).as("%s", chain).isTrue();
            }
        }
    }

    @Test
    void anyChangeToTheSignedFieldsIsInvalid() {
        SignedPayload good = SignedPayloadFixtures.signed(DemoKeys.ethereum(0), "POST", HASH);
        assertThat(verifier.verify(good).isValid()).isTrue();
        assertThat(verifier.verify(new SignedPayload(Chain.BSC, good.sender(), good.type(), good.itemHash(), good.signature(), 0)).isValid()).isFalse();
        assertThat(verifier.verify(new SignedPayload(good.chain(), good.sender(), "AGGREGATE", good.itemHash(), good.signature(), 0)).isValid()).isFalse();
        assertThat(verifier.verify(new SignedPayload(good.chain(), good.sender(), good.type(), HASH.replace('f', 'e'), good.signature(), 0)).isValid()).isFalse();
        assertThat(verifier.verify(SignedPayloadFixtures.withSender(good, DemoKeys.ethereum(1).address())).isValid()).isFalse();
        // time is not signed (spec §3.1)
        assertThat(verifier.verify(new SignedPayload(good.chain(), good.sender(), good.type(), good.itemHash(), good.signature(), 42)).isValid()).isTrue();
    }

    @Test
    void addressComparisonIgnoresCase() {
        EthereumSigner signer = DemoKeys.ethereum(2);
        String lower = signer.address().toLowerCase(Locale.ROOT);
        assertThat(verifier.verify(SignedPayloadFixtures.signedAs(signer, lower, "POST", HASH)).isValid()).isTrue();
        String upper = "0X" + signer.address().substring(2).toUpperCase(Locale.ROOT);
        assertThat(verifier.verify(SignedPayloadFixtures.signedAs(signer, upper, "POST", HASH)).isValid()).isTrue();
    }

    @Test
    void hexSpellingVariantsAreTheSameSignature() {
        SignedPayload good = SignedPayloadFixtures.signed(DemoKeys.ethereum(3), "STORE", HASH);
        String digits = good.signature().substring(2);
        for (String spelling : new String[] {digits, "0X" + digits, "0x" + digits.toUpperCase(Locale.ROOT)}) {
            assertThat(verifier.verify(SignedPayloadFixtures.withSignature(good, spelling)).isValid()).as(spelling).isTrue();
        }
    }

    @Test
    void oddLengthHexIsLeftPaddedLikeHexbytes() {
        // find a signature whose r starts with a zero nibble, then drop that nibble
        for (int i = 0; i < 500; i++) {
            SignedPayload good = SignedPayloadFixtures.signed(DemoKeys.ethereum(4), "POST", sha(i));
            if (good.signature().charAt(2) == '0') {
                String shortened = "0x" + good.signature().substring(3);
                assertThat(verifier.verify(SignedPayloadFixtures.withSignature(good, shortened)).isValid()).isTrue();
                return;
            }
        }
        throw new AssertionError("no signature with a leading zero nibble in 500 tries");
    }

    @Test
    void vAcceptsWhatEthAccountAccepts() {
        SignedPayload good = SignedPayloadFixtures.signed(DemoKeys.ethereum(5), "POST", HASH);
        byte[] signature = Hex.decode(good.signature());
        int recoveryId = (signature[64] & 0xFF) - 27;
        assertThat(withV(good, signature, recoveryId)).isTrue();
        assertThat(withV(good, signature, 27 + recoveryId)).isTrue();
        // EIP-155 style values: parity (v - 35) mod 2
        assertThat(withV(good, signature, 35 + recoveryId)).isTrue();
        assertThat(withV(good, signature, 37 + recoveryId)).isTrue();
        assertThat(withV(good, signature, 255 - recoveryId)).isTrue(); // (255 - 35) is even
        // the other parity recovers another key
        assertThat(withV(good, signature, 28 - recoveryId)).isFalse();
        assertThat(withV(good, signature, 36 - recoveryId)).isFalse();
        for (int v : new int[] {2, 3, 26, 29, 30, 33, 34}) {
            assertThat(withV(good, signature, v)).as("v=%d", v).isFalse();
        }
    }

    @Test
    void highSIsAcceptedByRecovery() {
        SignedPayload good = SignedPayloadFixtures.signed(DemoKeys.ethereum(6), "POST", HASH);
        byte[] signature = Hex.decode(good.signature());
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        byte[] high = signature.clone();
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, N.subtract(s)), 0, high, 32, 32);
        high[64] = (byte) (signature[64] == 27 ? 28 : 27);
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(good, "0x" + Hex.encode(high))).isValid()).isTrue();
    }

    @Test
    void outOfRangeScalarsAreInvalid() {
        SignedPayload good = SignedPayloadFixtures.signed(DemoKeys.ethereum(6), "POST", HASH);
        byte[] signature = Hex.decode(good.signature());
        assertThat(withScalars(good, signature, BigInteger.ZERO, null)).isFalse();
        assertThat(withScalars(good, signature, null, BigInteger.ZERO)).isFalse();
        assertThat(withScalars(good, signature, N, null)).isFalse();
        assertThat(withScalars(good, signature, null, N)).isFalse();
        assertThat(withScalars(good, signature, N.add(BigInteger.ONE), null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x", "0x1b", "zz", "0xg1", "not hex at all", "{\"signature\": \"abc\"}", "０ｘ１２"})
    void malformedSignaturesAreInvalidNotErrors(String signature) {
        SignedPayload good = SignedPayloadFixtures.signed(DemoKeys.ethereum(0), "POST", HASH);
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(good, signature)).outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void wrongLengthsAreInvalid() {
        SignedPayload good = SignedPayloadFixtures.signed(DemoKeys.ethereum(0), "POST", HASH);
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(good, good.signature() + "00")).isValid()).isFalse();
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(good, good.signature().substring(0, 130))).isValid()).isFalse();
        assertThat(verifier.verify(SignedPayloadFixtures.withSignature(good, null)).isValid()).isFalse();
    }

    @Test
    void randomGarbageNeverThrows() {
        Random random = new Random(11);
        SignedPayload good = SignedPayloadFixtures.signed(DemoKeys.ethereum(0), "POST", HASH);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[65];
            random.nextBytes(bytes);
            assertThat(verifier.verify(SignedPayloadFixtures.withSignature(good, "0x" + Hex.encode(bytes))).isValid()).isFalse();
        }
    }

    @Test
    void recoveryIsPluggable() {
        AtomicInteger calls = new AtomicInteger();
        Secp256k1Recovery counting = (hash, r, s, id) -> {
            calls.incrementAndGet();
            return new BouncyCastleSecp256k1Recovery().recover(hash, r, s, id);
        };
        SignedPayload good = SignedPayloadFixtures.signed(DemoKeys.ethereum(0), "POST", HASH);
        assertThat(new EvmVerifier(counting).verify(good).isValid()).isTrue();
        assertThat(calls.get()).isEqualTo(1);
        assertThat(new EvmVerifier((hash, r, s, id) -> null).verify(good).isValid()).isFalse();
    }

    @Test
    void eip191DigestMatchesEthAccount() {
        // eth-account docs: encode_defunct(text="I♥SF") hashes to 0x1476abb7…
        assertThat(Hex.encode(Eip191.personalMessageHash("I♥SF".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("1476abb745d423bf09273f1afd887d951181d25adc66c4834a70491911b7f750");
    }

    @Test
    void recoversTheEthAccountDocumentationVector() {
        byte[] digest = Hex.decode("1476abb745d423bf09273f1afd887d951181d25adc66c4834a70491911b7f750");
        byte[] r = Hex.decode("e6ca9bba58c88611fad66a6ce8f996908195593807c4b38bd528d2cff09d4eb3");
        byte[] s = Hex.decode("3e5bfbbf4d3e39b1a2fd816a7680c19ebebaf3a141b239934ad43cb33fcec8ce");
        byte[] key = new BouncyCastleSecp256k1Recovery().recover(digest, r, s, 1);
        assertThat(EthereumAddress.checksummed(EthereumAddress.fromPublicKey(key)))
                .isEqualTo("0x5ce9454909639D2D17A3F753ce7d93fa0b9aB12E");
    }

    private boolean withV(SignedPayload good, byte[] signature, int v) {
        byte[] changed = signature.clone();
        changed[64] = (byte) v;
        return verifier.verify(SignedPayloadFixtures.withSignature(good, "0x" + Hex.encode(changed))).isValid();
    }

    private boolean withScalars(SignedPayload good, byte[] signature, BigInteger r, BigInteger s) {
        byte[] changed = signature.clone();
        if (r != null) {
            System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, changed, 0, 32);
        }
        if (s != null) {
            System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, changed, 32, 32);
        }
        return verifier.verify(SignedPayloadFixtures.withSignature(good, "0x" + Hex.encode(changed))).isValid();
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        key[31] = (byte) (seed + 1);
        key[0] = 0x11;
        return key;
    }

    private static String sha(int i) {
        return ItemHashes.sha256Hex("message " + i);
    }
}
