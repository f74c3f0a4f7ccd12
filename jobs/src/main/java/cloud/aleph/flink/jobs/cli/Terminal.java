package cloud.aleph.flink.jobs.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Progress lines and bars for long steps; a bar redraws in place on a terminal and prints milestones otherwise. */
final class Terminal {

    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean interactive;

    Terminal(PrintStream out) {
        this.out = out;
        this.interactive = System.console() != null;
    }

    static Terminal stdout() {
        return new Terminal(System.out);
    }

    void step(String text) {
        out.println("» " + text);
        out.flush();
    }

    void info(String text) {
        out.println("  " + text);
        out.flush();
    }

    /** A progress bar for {@code total} units; call {@link Bar#update} as work advances and {@link Bar#done} at the end. */
    Bar bar(String label, long total) {
        return new Bar(label, total);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    final class Bar {
        private final String label;
        private final long total;
        private final long startNanos = System.nanoTime();
        private int lastTenth = -1;

        private Bar(String label, long total) {
            this.label = label;
            this.total = Math.max(1, total);
        }

        void update(long done) {
            double fraction = Math.min(1.0, (double) done / total);
            if (interactive) {
                int filled = (int) Math.round(fraction * BAR_WIDTH);
                out.printf(Locale.ROOT, "\r  %s [%s%s] %d/%d (%.0f%%)", label, "#".repeat(filled),
                        " ".repeat(BAR_WIDTH - filled), done, total, fraction * 100);
                out.flush();
            } else {
                int tenth = (int) (fraction * 10);
                if (tenth > lastTenth) {
                    lastTenth = tenth;
                    out.printf(Locale.ROOT, "  %s %d/%d (%d%%)%n", label, done, total, tenth * 10);
                    out.flush();
                }
            }
        }

        Duration done(long done) {
            update(done);
            if (interactive) {
                out.println();
            }
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }
    }
}
