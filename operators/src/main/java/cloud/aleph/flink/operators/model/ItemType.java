package cloud.aleph.flink.operators.model;

import java.util.Optional;

/** Where a message's content lives (spec §1.1): inline in the envelope, or by hash in storage or IPFS. */
public enum ItemType {
    INLINE("inline"),
    STORAGE("storage"),
    IPFS("ipfs");

    private final String wire;

    ItemType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Exact lookup; the reference accepts lower case only ({@code "STORAGE"} is invalid). */
    public static Optional<ItemType> fromWire(String value) {
        for (ItemType type : values()) {
            if (type.wire.equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
