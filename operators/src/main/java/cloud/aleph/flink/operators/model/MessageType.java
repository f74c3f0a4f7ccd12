package cloud.aleph.flink.operators.model;

import java.util.Optional;

/** Message types (spec §1.1). The wire value of {@link #V_PROGRAM} is {@code V-PROGRAM}. */
public enum MessageType {
    POST("POST"),
    AGGREGATE("AGGREGATE"),
    STORE("STORE"),
    PROGRAM("PROGRAM"),
    INSTANCE("INSTANCE"),
    FORGET("FORGET"),
    V_PROGRAM("V-PROGRAM");

    private final String wire;

    MessageType(String wire) {
        this.wire = wire;
    }

    /** The value as it appears in envelopes and in the signed buffer. */
    public String wire() {
        return wire;
    }

    /** Exact, case-sensitive lookup of a wire value. */
    public static Optional<MessageType> fromWire(String value) {
        for (MessageType type : values()) {
            if (type.wire.equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
