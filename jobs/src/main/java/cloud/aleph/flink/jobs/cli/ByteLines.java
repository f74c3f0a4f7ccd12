package cloud.aleph.flink.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it: the verifier must see each line's bytes as a
 * Kafka record would carry them, so that invalid UTF-8 is judged by the verifier and not replaced
 * on the way in. A line ends at {@code \n}; one {@code \r} before it is dropped (CRLF files). A last
 * line without a newline still counts; the empty rest after a final newline does not.
 */
final class ByteLines {

    private static final int BUFFER_BYTES = 1 << 16;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean ended;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** The next line without its line ending, or null at the end of the stream. */
    byte[] next() throws IOException {
        byte[] line = null;
        int length = 0;
        while (true) {
            if (position == limit && !fill()) {
                return line == null ? null : trimCarriageReturn(line, length);
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (line == null) {
                line = new byte[Math.max(chunk, 64)];
            } else if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(length + chunk, line.length * 2));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            if (position < limit) {
                position++; // the '\n'
                return trimCarriageReturn(line, length);
            }
        }
    }

    /**
     * True when the next call would wait for input that has not arrived yet (an interactive terminal
     * or a slow pipe), so that the caller can answer what it has first.
     */
    boolean wouldBlock() throws IOException {
        return !ended && position == limit && in.available() == 0;
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int read = in.read(buffer, 0, buffer.length);
        while (read == 0) {
            read = in.read(buffer, 0, buffer.length);
        }
        if (read < 0) {
            ended = true;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    private static byte[] trimCarriageReturn(byte[] line, int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return end == line.length ? line : Arrays.copyOf(line, end);
    }
}
