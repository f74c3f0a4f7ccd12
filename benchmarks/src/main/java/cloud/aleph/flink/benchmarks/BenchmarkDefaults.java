package cloud.aleph.flink.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Settings every benchmark inherits: single-thread throughput in ops/s, so figures read as "per
 * core". The machine is shared and noisy, hence several forks; -f, -wi, -i, -w and -r on the
 * command line override these.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public abstract class BenchmarkDefaults {

    /** Inputs per benchmark, cycled through so no single input dominates. A power of two. */
    protected static final int INPUTS = 256;

    protected static int next(int index) {
        return (index + 1) & (INPUTS - 1);
    }
}
