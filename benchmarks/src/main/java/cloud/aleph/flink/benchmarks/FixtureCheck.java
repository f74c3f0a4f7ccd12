package cloud.aleph.flink.benchmarks;

/** Correctness checks run in {@code @Setup}: a benchmark of a wrong answer is worthless. */
final class FixtureCheck {

    private FixtureCheck() {}

    static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark fixture check failed: " + what);
        }
    }
}
