package cloud.aleph.flink.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteLinesTest {

    @Test
    void splitsOnNewlinesAndDropsOneCarriageReturn() throws IOException {
        assertThat(lines("a\nb\r\n\n\r\nc\r\r\nlast")).containsExactly("a", "b", "", "", "c\r", "last");
    }

    @Test
    void aFinalNewlineEndsTheLastLineWithoutAddingAnEmptyOne() throws IOException {
        assertThat(lines("one\ntwo\n")).containsExactly("one", "two");
        assertThat(lines("\n")).containsExactly("");
        assertThat(lines("")).isEmpty();
    }

    @Test
    void keepsBytesAsTheyAreAndLinesLongerThanTheBuffer() throws IOException {
        byte[] longLine = new byte[200_000];
        Arrays.fill(longLine, (byte) 0xC3); // not valid UTF-8 on its own: must come through unchanged
        byte[] input = new byte[longLine.length * 2 + 2];
        System.arraycopy(longLine, 0, input, 0, longLine.length);
        input[longLine.length] = '\n';
        System.arraycopy(longLine, 0, input, longLine.length + 1, longLine.length);
        input[input.length - 1] = '\n';

        ByteLines lines = new ByteLines(new TrickleInputStream(input, 7_000));

        assertThat(lines.next()).isEqualTo(longLine);
        assertThat(lines.next()).isEqualTo(longLine);
        assertThat(lines.next()).isNull();
        assertThat(lines.next()).isNull();
    }

    private static List<String> lines(String text) throws IOException {
        ByteLines lines = new ByteLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        List<String> out = new ArrayList<>();
        for (byte[] line = lines.next(); line != null; line = lines.next()) {
            out.add(new String(line, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Hands out at most {@code step} bytes per read, as a pipe does. */
    private static final class TrickleInputStream extends InputStream {
        private final byte[] data;
        private final int step;
        private int position;

        TrickleInputStream(byte[] data, int step) {
            this.data = data;
            this.step = step;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= data.length) {
                return -1;
            }
            int count = Math.min(Math.min(length, step), data.length - position);
            System.arraycopy(data, position, buffer, offset, count);
            position += count;
            return count;
        }
    }
}
