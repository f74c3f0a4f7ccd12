package cloud.aleph.flink.operators.crypto;

import cloud.aleph.flink.operators.model.Chain;
import cloud.aleph.flink.operators.model.Chain.Family;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses the verifier for a chain by its signature family (spec §3.2 dispatcher). A family with no
 * verifier registered yet answers INVALID_SIGNATURE "chain not supported yet". Family NONE (AURORA,
 * STT) has no verifier in the reference either; callers reject those with INVALID_FORMAT "Unknown
 * chain for validation" before asking. Immutable and thread-safe when the verifiers are.
 */
public final class SignatureVerifiers {

    /** Reason given for a chain whose family has no verifier yet. */
    public static final String NOT_SUPPORTED_YET = "chain not supported yet";

    private final Map<Family, SignatureVerifier> byFamily;

    private SignatureVerifiers(Map<Family, SignatureVerifier> byFamily) {
        this.byFamily = Collections.unmodifiableMap(new EnumMap<>(byFamily));
    }

    /** The verifiers the job runs, with the pure-Java secp256k1 recovery. */
    public static SignatureVerifiers defaults() {
        return defaults(new BouncyCastleSecp256k1Recovery());
    }

    /**
     * The verifiers the job runs: one line per family.
     *
     * @param secp256k1Recovery the public-key recovery of the families that recover a secp256k1 key
     *     (EVM, NULS2, AVAX; see {@link Secp256k1Recoveries})
     */
    public static SignatureVerifiers defaults(Secp256k1Recovery secp256k1Recovery) {
        return builder()
                .register(Family.EVM, new EvmVerifier(secp256k1Recovery))
                .register(Family.SOLANA, new SolanaVerifier())
                .register(Family.COSMOS, new CosmosVerifier())
                .register(Family.SUBSTRATE, new SubstrateVerifier())
                .register(Family.TEZOS, new TezosVerifier())
                .register(Family.NULS, new NulsVerifier())
                .register(Family.NULS2, new Nuls2Verifier(secp256k1Recovery))
                .register(Family.AVALANCHE, new AvalancheVerifier(secp256k1Recovery))
                .build();
    }

    /**
     * Verifiers that accept every signature of every chain that has a verifier: for the agreement,
     * which reads records only for their content and takes their validity from the CCNs'
     * attestations. Chains without a verifier still fail as they do for the CCNs.
     */
    public static SignatureVerifiers attestedElsewhere() {
        Builder builder = builder();
        for (Family family : Family.values()) {
            if (family != Family.NONE) {
                builder.register(family, payload -> SignatureResult.valid());
            }
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when a verifier is registered for the family. */
    public boolean supports(Family family) {
        return byFamily.containsKey(family);
    }

    public Optional<SignatureVerifier> forChain(Chain chain) {
        return Optional.ofNullable(byFamily.get(chain.family()));
    }

    /**
     * Verifies with the chain's verifier.
     *
     * @throws IllegalArgumentException for a chain of family NONE, which the caller must reject as a
     *     format error first
     */
    public SignatureResult verify(SignedPayload payload) {
        Chain chain = payload.chain();
        if (chain.family() == Family.NONE) {
            throw new IllegalArgumentException("the reference has no verifier for chain " + chain);
        }
        SignatureVerifier verifier = byFamily.get(chain.family());
        if (verifier == null) {
            return SignatureResult.invalid(NOT_SUPPORTED_YET + ": " + chain.wire());
        }
        return verifier.verify(payload);
    }

    public static final class Builder {

        private final Map<Family, SignatureVerifier> byFamily = new EnumMap<>(Family.class);

        private Builder() {}

        /** Registers (or replaces) the verifier of a family. */
        public Builder register(Family family, SignatureVerifier verifier) {
            if (family == Family.NONE) {
                throw new IllegalArgumentException("family NONE has no verifier in the reference");
            }
            byFamily.put(family, Objects.requireNonNull(verifier));
            return this;
        }

        public SignatureVerifiers build() {
            return new SignatureVerifiers(byFamily);
        }
    }
}
