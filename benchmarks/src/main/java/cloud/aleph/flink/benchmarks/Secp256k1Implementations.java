package cloud.aleph.flink.benchmarks;

import cloud.aleph.flink.operators.crypto.Secp256k1Implementation;
import cloud.aleph.flink.operators.crypto.Secp256k1Recoveries;
import cloud.aleph.flink.operators.crypto.Secp256k1Recovery;

/** Picks a recovery implementation by its configuration name, through the production selector. */
final class Secp256k1Implementations {

    private Secp256k1Implementations() {}

    /** Like the job's selection, but a fallback is an error: it would measure the wrong thing. */
    static Secp256k1Recovery strict(String configValue) {
        Secp256k1Recoveries.Selection selection = Secp256k1Recoveries.shared().select(configValue);
        FixtureCheck.require(selection.active().configValue().equals(configValue),
                configValue + " is active (fell back to " + selection.active().configValue() + ": "
                        + selection.fallbackReason() + ")");
        return selection.recovery();
    }
}
