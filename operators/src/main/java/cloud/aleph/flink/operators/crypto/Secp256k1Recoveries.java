package cloud.aleph.flink.operators.crypto;

import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the secp256k1 recovery implementation from configuration: {@code native},
 * {@code bouncycastle} or {@code auto} (the default: native when it loads). When the native library
 * cannot be used, {@code native} and {@code auto} both fall back to Bouncy Castle with one WARN line
 * saying why: verification must go on, only slower.
 *
 * <p>The native library is loaded lazily, at most once per selector (so once per class loader for
 * {@link #shared()}), under a lock; callers never see the loading error. Flink functions hold the
 * configured value and select in {@code open()}, since the implementations are not serializable.
 */
public final class Secp256k1Recoveries {

    /** Configuration key whose value picks the implementation. */
    public static final String CONFIG_KEY = "aleph.crypto.secp256k1";

    /** Native when it loads, else Bouncy Castle. */
    public static final String AUTO = "auto";

    public static final String DEFAULT = AUTO;

    private static final Logger LOG = LoggerFactory.getLogger(Secp256k1Recoveries.class);

    /** Loads the native implementation; any exception or linkage error means it is unavailable. */
    @FunctionalInterface
    public interface NativeLoader {
        Secp256k1Recovery load() throws Exception;
    }

    /** The implementation in use and, when it is not the one asked for, why. */
    public record Selection(Secp256k1Implementation active, Secp256k1Recovery recovery, String fallbackReason) {

        public Selection {
            Objects.requireNonNull(active);
            Objects.requireNonNull(recovery);
        }

        public boolean fellBack() {
            return fallbackReason != null;
        }
    }

    private final NativeLoader nativeLoader;
    private volatile NativeOutcome nativeOutcome;

    /** A selector over the given loader; tests pass a failing one. */
    public Secp256k1Recoveries(NativeLoader nativeLoader) {
        this.nativeLoader = Objects.requireNonNull(nativeLoader);
    }

    /** The process-wide selector over the bundled libsecp256k1. */
    public static Secp256k1Recoveries shared() {
        return Shared.INSTANCE;
    }

    /**
     * @param configured {@code native}, {@code bouncycastle} or {@code auto} (any case); null or blank
     *     means {@link #DEFAULT}
     * @throws IllegalArgumentException for any other value, a configuration mistake to surface when
     *     the job is built
     */
    public Selection select(String configured) {
        String value = requireValid(configured);
        if (value.equals(Secp256k1Implementation.BOUNCY_CASTLE.configValue())) {
            return new Selection(Secp256k1Implementation.BOUNCY_CASTLE, new BouncyCastleSecp256k1Recovery(), null);
        }
        NativeOutcome outcome = nativeOutcome();
        if (outcome.recovery != null) {
            return new Selection(Secp256k1Implementation.NATIVE, outcome.recovery, null);
        }
        return new Selection(Secp256k1Implementation.BOUNCY_CASTLE, new BouncyCastleSecp256k1Recovery(), outcome.failure);
    }

    /**
     * Checks a configured value without loading anything.
     *
     * @return the normalised value: {@code native}, {@code bouncycastle} or {@code auto}
     * @throws IllegalArgumentException for any other value
     */
    public static String requireValid(String configured) {
        String value = configured == null || configured.isBlank()
                ? DEFAULT
                : configured.trim().toLowerCase(Locale.ROOT);
        if (!value.equals(AUTO)
                && !value.equals(Secp256k1Implementation.NATIVE.configValue())
                && !value.equals(Secp256k1Implementation.BOUNCY_CASTLE.configValue())) {
            throw new IllegalArgumentException(CONFIG_KEY + " must be native, bouncycastle or auto, got '" + configured + "'");
        }
        return value;
    }

    private NativeOutcome nativeOutcome() {
        NativeOutcome outcome = nativeOutcome;
        if (outcome == null) {
            synchronized (this) {
                outcome = nativeOutcome;
                if (outcome == null) {
                    outcome = loadNative();
                    nativeOutcome = outcome;
                }
            }
        }
        return outcome;
    }

    private NativeOutcome loadNative() {
        try {
            Secp256k1Recovery recovery = nativeLoader.load();
            if (recovery == null) {
                throw new IllegalStateException("the native loader returned no implementation");
            }
            LOG.info("secp256k1 recovery: using native libsecp256k1");
            return new NativeOutcome(recovery, null);
        } catch (Exception | LinkageError failure) {
            String reason = describe(failure);
            LOG.warn("secp256k1 recovery: native libsecp256k1 unavailable ({}); falling back to Bouncy Castle, about 3.8x slower",
                    reason);
            return new NativeOutcome(null, reason);
        }
    }

    /** The innermost cause says what went wrong; the binding wraps it in reflection exceptions. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private record NativeOutcome(Secp256k1Recovery recovery, String failure) {}

    private static final class Shared {
        static final Secp256k1Recoveries INSTANCE = new Secp256k1Recoveries(NativeSecp256k1Recovery::load);
    }
}
