package cloud.aleph.flink.operators.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.aleph.flink.operators.crypto.Secp256k1TestSignatures.Signed;
import java.lang.reflect.InvocationTargetException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Secp256k1RecoveriesTest {

    private static final Signed SIGNED = Secp256k1TestSignatures.signLowS(BigInteger.valueOf(0xA1E9F11), new byte[32]);

    /** Counts its calls; fails like the JNI binding does when its library is missing, or loads the real one. */
    private static final class CountingLoader implements Secp256k1Recoveries.NativeLoader {
        final AtomicInteger calls = new AtomicInteger();
        private final Throwable failure;

        CountingLoader(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Secp256k1Recovery load() throws Exception {
            calls.incrementAndGet();
            if (failure instanceof Exception exception) {
                throw exception;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return NativeSecp256k1Recovery.load();
        }
    }

    private static void assertRecoversTheSigner(Secp256k1Recoveries.Selection selection) {
        assertThat(selection.recovery().recover(SIGNED.hash(), SIGNED.rBytes(), SIGNED.sBytes(), SIGNED.recoveryId()))
                .containsExactly(SIGNED.publicKey());
    }

    @Test
    void bouncyCastleNeverTouchesTheNativeLibrary() {
        CountingLoader loader = new CountingLoader(null);
        Secp256k1Recoveries.Selection selection = new Secp256k1Recoveries(loader).select("bouncycastle");

        assertThat(selection.active()).isEqualTo(Secp256k1Implementation.BOUNCY_CASTLE);
        assertThat(selection.recovery()).isInstanceOf(BouncyCastleSecp256k1Recovery.class);
        assertThat(selection.fellBack()).isFalse();
        assertThat(loader.calls).hasValue(0);
        assertRecoversTheSigner(selection);
    }

    @Test
    void nativeAndAutoUseTheNativeLibraryWhenItLoads() {
        CountingLoader loader = new CountingLoader(null);
        Secp256k1Recoveries recoveries = new Secp256k1Recoveries(loader);
        for (String configured : new String[] {"native", "auto", " Native ", null, ""}) {
            Secp256k1Recoveries.Selection selection = recoveries.select(configured);
            assertThat(selection.active()).as("%s", configured).isEqualTo(Secp256k1Implementation.NATIVE);
            assertThat(selection.recovery()).isInstanceOf(NativeSecp256k1Recovery.class);
            assertThat(selection.fallbackReason()).isNull();
            assertRecoversTheSigner(selection);
        }
        assertThat(loader.calls).hasValue(1);
    }

    @Test
    void nativeFallsBackToBouncyCastleWhenTheLibraryDoesNotLink() {
        CountingLoader loader = new CountingLoader(new UnsatisfiedLinkError("libsecp256k1-jni.so: cannot open shared object file"));
        Secp256k1Recoveries recoveries = new Secp256k1Recoveries(loader);

        Secp256k1Recoveries.Selection selection = recoveries.select("native");

        assertThat(selection.active()).isEqualTo(Secp256k1Implementation.BOUNCY_CASTLE);
        assertThat(selection.recovery()).isInstanceOf(BouncyCastleSecp256k1Recovery.class);
        assertThat(selection.fellBack()).isTrue();
        assertThat(selection.fallbackReason())
                .isEqualTo("UnsatisfiedLinkError: libsecp256k1-jni.so: cannot open shared object file");
        assertRecoversTheSigner(selection);
    }

    @Test
    void autoFallsBackWithTheInnermostReasonWhenTheLoaderThrows() {
        // The binding loads by reflection, so its own error arrives wrapped.
        Exception wrapped = new InvocationTargetException(
                new IllegalStateException("No native library found: at /fr/acinq/secp256k1/jni/native/darwin-aarch64"));
        Secp256k1Recoveries recoveries = new Secp256k1Recoveries(new CountingLoader(wrapped));

        Secp256k1Recoveries.Selection selection = recoveries.select("auto");

        assertThat(selection.active()).isEqualTo(Secp256k1Implementation.BOUNCY_CASTLE);
        assertThat(selection.fallbackReason())
                .isEqualTo("IllegalStateException: No native library found: at /fr/acinq/secp256k1/jni/native/darwin-aarch64");
        assertRecoversTheSigner(selection);
    }

    @Test
    void aLoaderThatReturnsNothingCountsAsAFailure() {
        Secp256k1Recoveries recoveries = new Secp256k1Recoveries(() -> null);
        Secp256k1Recoveries.Selection selection = recoveries.select("native");
        assertThat(selection.active()).isEqualTo(Secp256k1Implementation.BOUNCY_CASTLE);
        assertThat(selection.fallbackReason()).contains("returned no implementation");
    }

    @Test
    void aFailedLoadIsNotRetried() {
        CountingLoader loader = new CountingLoader(new NoClassDefFoundError("kotlin/jvm/internal/Intrinsics"));
        Secp256k1Recoveries recoveries = new Secp256k1Recoveries(loader);
        for (int i = 0; i < 5; i++) {
            assertThat(recoveries.select(i % 2 == 0 ? "auto" : "native").active())
                    .isEqualTo(Secp256k1Implementation.BOUNCY_CASTLE);
        }
        assertThat(loader.calls).hasValue(1);
    }

    @Test
    void concurrentFirstSelectionsLoadOnce() throws Exception {
        CountingLoader loader = new CountingLoader(null);
        Secp256k1Recoveries recoveries = new Secp256k1Recoveries(loader);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Secp256k1Recoveries.Selection>> selections = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                selections.add(pool.submit(() -> {
                    start.await();
                    return recoveries.select("auto");
                }));
            }
            start.countDown();
            Secp256k1Recovery first = selections.get(0).get(30, TimeUnit.SECONDS).recovery();
            for (Future<Secp256k1Recoveries.Selection> selection : selections) {
                assertThat(selection.get(30, TimeUnit.SECONDS).recovery()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(loader.calls).hasValue(1);
    }

    @Test
    void rejectsAnUnknownValueNamingTheKey() {
        Secp256k1Recoveries recoveries = new Secp256k1Recoveries(new CountingLoader(null));
        assertThatThrownBy(() -> recoveries.select("libsecp256k1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Secp256k1Recoveries.CONFIG_KEY)
                .hasMessageContaining("libsecp256k1");
    }

    @Test
    void theSharedSelectorUsesTheBundledLibraryOnLinux() {
        Secp256k1Recoveries.Selection selection = Secp256k1Recoveries.shared().select(Secp256k1Recoveries.DEFAULT);
        assertThat(selection.active()).isEqualTo(Secp256k1Implementation.NATIVE);
        assertThat(Secp256k1Recoveries.shared().select("native").recovery()).isSameAs(selection.recovery());
        assertRecoversTheSigner(selection);
    }
}
