package cloud.aleph.flink.operators.crypto;

/** The secp256k1 recovery implementations, named as in the configuration. */
public enum Secp256k1Implementation {

    /** libsecp256k1 through JNI (linux x86_64 and aarch64). */
    NATIVE("native"),

    /** Pure Java, always available. */
    BOUNCY_CASTLE("bouncycastle");

    private final String configValue;

    Secp256k1Implementation(String configValue) {
        this.configValue = configValue;
    }

    /** The value that asks for this implementation in {@link Secp256k1Recoveries#CONFIG_KEY}. */
    public String configValue() {
        return configValue;
    }
}
