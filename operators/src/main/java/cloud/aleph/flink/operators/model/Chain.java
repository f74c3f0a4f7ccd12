package cloud.aleph.flink.operators.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The chains a message may claim (aleph-message {@code Chain}, spec §1.1). Wire values are exact
 * and case-sensitive. The family says which signature scheme the reference applies (spec §3.2).
 */
public enum Chain {
    ARB(Family.EVM),
    AURORA(Family.NONE),
    AVAX(Family.AVALANCHE),
    BASE(Family.EVM),
    BLAST(Family.EVM),
    BOB(Family.EVM),
    BSC(Family.EVM),
    CSDK(Family.COSMOS),
    CYBER(Family.EVM),
    DOT(Family.SUBSTRATE),
    ES(Family.SOLANA),
    ETH(Family.EVM),
    ETHERLINK(Family.EVM),
    FRAX(Family.EVM),
    HYPE(Family.EVM),
    INK(Family.EVM),
    LENS(Family.EVM),
    LINEA(Family.EVM),
    LISK(Family.EVM),
    METIS(Family.EVM),
    MODE(Family.EVM),
    /** Verified as EVM by the reference (a quirk of its dispatcher, spec §3.2.1). */
    NEO(Family.EVM),
    NULS(Family.NULS),
    NULS2(Family.NULS2),
    OP(Family.EVM),
    POL(Family.EVM),
    SOL(Family.SOLANA),
    STT(Family.NONE),
    SONIC(Family.EVM),
    TEZOS(Family.TEZOS),
    UNICHAIN(Family.EVM),
    WLD(Family.EVM),
    ZORA(Family.EVM);

    /** Signature scheme families; {@link #NONE} means the reference has no verifier for the chain. */
    public enum Family {
        EVM,
        SOLANA,
        COSMOS,
        SUBSTRATE,
        TEZOS,
        NULS,
        NULS2,
        AVALANCHE,
        NONE
    }

    private static final Map<String, Chain> BY_WIRE = new HashMap<>();

    static {
        for (Chain chain : values()) {
            BY_WIRE.put(chain.name(), chain);
        }
    }

    private final Family family;

    Chain(Family family) {
        this.family = family;
    }

    public Family family() {
        return family;
    }

    public String wire() {
        return name();
    }

    /** Exact, case-sensitive lookup of a wire value. */
    public static Optional<Chain> fromWire(String value) {
        return Optional.ofNullable(value == null ? null : BY_WIRE.get(value));
    }
}
