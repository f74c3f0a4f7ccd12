package cloud.aleph.flink.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Fixed seeds, so every run measures the same inputs. */
final class Seeds {

    private Seeds() {}

    /** A generator seeded from a name, so fixtures do not share one sequence by accident. */
    static Random random(String name) {
        long seed = 0x5EEDL;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            seed = seed * 31 + b;
        }
        return new Random(seed);
    }
}
