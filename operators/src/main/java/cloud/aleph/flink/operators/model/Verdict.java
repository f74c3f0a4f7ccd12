package cloud.aleph.flink.operators.model;

import java.util.Objects;

/**
 * The outcome of checking one raw message: exactly one of {@code accepted} and {@code rejected}
 * is set. A single stream type lets both outcomes meet in the operator keyed by item_hash that
 * decides each message's status.
 */
public record Verdict(VerifiedMessage accepted, Rejection rejected) {

    public Verdict {
        if ((accepted == null) == (rejected == null)) {
            throw new IllegalArgumentException("a verdict is either accepted or rejected");
        }
    }

    public static Verdict accept(VerifiedMessage message) {
        return new Verdict(Objects.requireNonNull(message), null);
    }

    public static Verdict reject(Rejection rejection) {
        return new Verdict(null, Objects.requireNonNull(rejection));
    }

    public boolean isAccepted() {
        return accepted != null;
    }

    /** The item_hash the verdict is about, or null for input whose hash could not be read. */
    public String itemHash() {
        return accepted != null ? accepted.itemHash() : rejected.itemHash();
    }
}
