package cloud.aleph.flink.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.aleph.flink.operators.conformance.Fixtures;
import cloud.aleph.flink.operators.conformance.Fixtures.Expected;
import cloud.aleph.flink.operators.conformance.Fixtures.Fixture;
import cloud.aleph.flink.operators.model.ErrorCode;
import cloud.aleph.flink.operators.model.MessageType;
import cloud.aleph.flink.operators.signing.DemoKeys;
import cloud.aleph.flink.operators.signing.MessageBuilder;
import cloud.aleph.flink.operators.signing.MessageSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code aleph verify} run through the tool's own command line, with standard input and output captured. */
class VerifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "--secp256k1 {0} --threads {1}")
    @CsvSource({"auto,1", "auto,3", "native,2", "bouncycastle,2"})
    void everyFixtureLineGetsTheReferenceVerdictInOrder(String secp256k1, int threads) throws Exception {
        List<Fixture> fixtures = Fixtures.all();
        StringBuilder input = new StringBuilder();
        fixtures.forEach(fixture -> input.append(fixture.json()).append('\n'));

        Run run = run(input.toString().getBytes(StandardCharsets.UTF_8), "verify", "--secp256k1", secp256k1,
                "--threads", String.valueOf(threads));

        assertThat(run.exitCode).isZero();
        assertThat(run.lines).hasSameSizeAs(fixtures);
        for (int i = 0; i < fixtures.size(); i++) {
            Fixture fixture = fixtures.get(i);
            JsonNode answer = run.lines.get(i);
            assertThat(answer.get("line").asInt()).isEqualTo(fixture.line());
            assertThat(text(answer, "item_hash")).isEqualTo(text(JSON.readTree(fixture.json()), "item_hash"));
            // Every chain family has a verifier, so the reference's verdict at this stage is the one to match.
            assertVerdict(answer, fixture.withAllChains(), fixture.toString());
        }
        long accepted = fixtures.stream().filter(f -> f.withAllChains().accepted()).count();
        assertThat(run.err).contains("76 lines, " + accepted + " accepted, " + (76 - accepted) + " rejected");
    }

    @Test
    void garbageAndBlankLinesAreRejectedInPlaceWithoutStoppingTheRest() throws Exception {
        String eth = signed(DemoKeys.ethereum(1), "first");
        String sol = signed(DemoKeys.solana(2), "second");
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        write(input, "this is not JSON\n");
        write(input, eth + "\n");
        write(input, "\n");
        write(input, "   \n");
        write(input, "{\"item_hash\": \"abc\"\n"); // cut short
        write(input, "[1, 2]\n");
        input.write(new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"', '\n'}); // invalid UTF-8
        write(input, "{\"item_hash\": \"" + "ab".repeat(32) + "\", \"type\": \"POST\"}\r\n");
        write(input, sol); // last line without a newline

        Run run = run(input.toByteArray(), "verify", "--threads", "2");

        assertThat(run.exitCode).isZero();
        assertThat(run.lines).extracting(line -> line.get("line").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertVerdict(run.lines.get(0), rejected(ErrorCode.INVALID_FORMAT), "not JSON");
        assertThat(text(run.lines.get(0), "reason")).startsWith("Message is not valid JSON");
        assertVerdict(run.lines.get(1), accepted(), "ETH message");
        assertThat(text(run.lines.get(1), "item_hash")).isEqualTo(text(JSON.readTree(eth), "item_hash"));
        assertVerdict(run.lines.get(2), rejected(ErrorCode.INVALID_FORMAT), "empty line");
        assertVerdict(run.lines.get(3), rejected(ErrorCode.INVALID_FORMAT), "blank line");
        assertVerdict(run.lines.get(4), rejected(ErrorCode.INVALID_FORMAT), "cut JSON");
        assertVerdict(run.lines.get(5), rejected(ErrorCode.INVALID_FORMAT), "array");
        assertThat(text(run.lines.get(5), "reason")).isEqualTo("Message is not a dictionary");
        assertVerdict(run.lines.get(6), rejected(ErrorCode.INVALID_FORMAT), "invalid UTF-8");
        assertThat(text(run.lines.get(6), "reason")).contains("UTF-8");
        assertVerdict(run.lines.get(7), rejected(ErrorCode.INVALID_FORMAT), "CRLF envelope without fields");
        assertThat(text(run.lines.get(7), "item_hash")).isEqualTo("ab".repeat(32));
        assertVerdict(run.lines.get(8), accepted(), "SOL message without a final newline");
        for (int i = 0; i < 8; i++) {
            if (i != 1 && i != 7) {
                assertThat(run.lines.get(i).get("item_hash").isNull()).as("line %d has no readable item_hash", i + 1).isTrue();
            }
        }
        assertThat(run.err).contains("9 lines, 2 accepted, 7 rejected");
    }

    @Test
    void aTamperedSignatureIsAnInvalidSignature() throws Exception {
        ObjectNode envelope = (ObjectNode) JSON.readTree(signed(DemoKeys.ethereum(3), "tampered"));
        envelope.put("sender", DemoKeys.ethereum(4).address());

        Run run = run((JSON.writeValueAsString(envelope) + "\n").getBytes(StandardCharsets.UTF_8), "verify");

        assertVerdict(run.lines.get(0), rejected(ErrorCode.INVALID_SIGNATURE), "signed by another key");
    }

    @Test
    void emptyInputPrintsNothingAndSucceeds() throws Exception {
        Run run = run(new byte[0], "verify");

        assertThat(run.exitCode).isZero();
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("0 lines, 0 accepted, 0 rejected");
    }

    @Test
    void manyLinesOverManyBatchesKeepTheirOrder() throws Exception {
        int count = VerifyCommand.BATCH_LINES * 12 + 5;
        List<String> valid = new ArrayList<>();
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i % 3 == 0) {
                input.append("garbage ").append(i).append('\n');
            } else {
                String message = signed(i % 2 == 0 ? DemoKeys.ethereum(i % 5) : DemoKeys.solana(i % 5), "post " + i);
                valid.add(message);
                input.append(message).append('\n');
            }
        }

        Run run = run(input.toString().getBytes(StandardCharsets.UTF_8), "verify", "--threads", "4");

        assertThat(run.lines).hasSize(count);
        int nextValid = 0;
        for (int i = 0; i < count; i++) {
            JsonNode answer = run.lines.get(i);
            assertThat(answer.get("line").asInt()).isEqualTo(i + 1);
            if (i % 3 == 0) {
                assertVerdict(answer, rejected(ErrorCode.INVALID_FORMAT), "garbage " + i);
            } else {
                assertVerdict(answer, accepted(), "message " + i);
                assertThat(text(answer, "item_hash")).isEqualTo(text(JSON.readTree(valid.get(nextValid++)), "item_hash"));
            }
        }
    }

    @Test
    void readsAFileGivenAsArgument(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("messages.jsonl");
        Files.writeString(file, signed(DemoKeys.ethereum(0), "from a file") + "\nnope\n");

        Run run = run(new byte[0], "verify", file.toString());

        assertThat(run.exitCode).isZero();
        assertThat(run.lines).hasSize(2);
        assertVerdict(run.lines.get(0), accepted(), "file line 1");
        assertVerdict(run.lines.get(1), rejected(ErrorCode.INVALID_FORMAT), "file line 2");
    }

    @Test
    void aMissingFileIsAnErrorWithoutOutput(@TempDir Path dir) throws Exception {
        Run run = run(new byte[0], "verify", dir.resolve("absent.jsonl").toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("cannot read").contains("absent.jsonl");
    }

    @Test
    void anUnknownImplementationOrThreadCountIsAUsageError() throws Exception {
        Run implementation = run(new byte[0], "verify", "--secp256k1", "openssl");
        Run threads = run(new byte[0], "verify", "--threads", "0");

        assertThat(implementation.exitCode).isEqualTo(2);
        assertThat(implementation.err).contains("--secp256k1 must be native, bouncycastle or auto");
        assertThat(threads.exitCode).isEqualTo(2);
        assertThat(threads.err).contains("--threads must be at least 1");
    }

    @Test
    void answersEachLineAsSoonAsItArrivesOnAPipe() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(feed, 1 << 16);
        LineQueue answers = new LineQueue();
        CommandLine cli = commandLine(stdin);
        cli.setOut(new PrintWriter(answers));
        cli.setErr(new PrintWriter(new StringWriter()));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("verify", "--threads", "2"));

        write(feed, signed(DemoKeys.ethereum(5), "interactive") + "\n");
        feed.flush();
        // The input stays open: the answer must come before the end of the input.
        String first = answers.lines.poll(60, TimeUnit.SECONDS);
        write(feed, "{}\n");
        feed.close();

        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(first).as("answer to the first line while the input is still open").isNotNull();
        assertVerdict(JSON.readTree(first), accepted(), "first piped line");
        JsonNode second = JSON.readTree(answers.lines.poll(10, TimeUnit.SECONDS));
        assertThat(second.get("line").asInt()).isEqualTo(2);
        assertVerdict(second, rejected(ErrorCode.INVALID_FORMAT), "second piped line");
    }

    /** Output that hands over each complete line as it is flushed. */
    private static final class LineQueue extends Writer {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder pending = new StringBuilder();

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            pending.append(chars, offset, length);
        }

        @Override
        public synchronized void flush() {
            int end;
            while ((end = pending.indexOf("\n")) >= 0) {
                lines.add(pending.substring(0, end));
                pending.delete(0, end + 1);
            }
        }

        @Override
        public void close() {
            flush();
        }
    }

    @Test
    void helpDocumentsBlankLinesAndTheOutputFields() {
        StringWriter help = new StringWriter();
        CommandLine cli = commandLine(InputStream.nullInputStream());
        cli.setOut(new PrintWriter(help));

        assertThat(cli.execute("verify", "--help")).isZero();
        assertThat(help.toString())
                .contains("blank line is")
                .contains("\"error_code\"")
                .contains("--secp256k1")
                .contains("--threads");
    }

    private static String signed(MessageSigner signer, String body) {
        ObjectNode content = JSON.createObjectNode();
        content.put("address", signer.address());
        content.put("time", 1_700_000_000.5);
        content.put("type", "test");
        content.putObject("content").put("body", body);
        return MessageBuilder.of(MessageType.POST, content).time(1_700_000_001.25).channel("TEST").build(signer);
    }

    private static void assertVerdict(JsonNode answer, Expected expected, String what) {
        if (expected.accepted()) {
            assertThat(text(answer, "verdict")).as("%s: %s", what, answer).isEqualTo("accepted");
            assertThat(answer.get("error_code").isNull()).isTrue();
            assertThat(answer.get("error_name").isNull()).isTrue();
            assertThat(answer.get("reason").isNull()).isTrue();
        } else {
            assertThat(text(answer, "verdict")).as("%s: %s", what, answer).isEqualTo("rejected");
            assertThat(answer.get("error_code").asInt()).as("%s: %s", what, answer).isEqualTo(expected.code().code());
            assertThat(text(answer, "error_name")).isEqualTo(expected.code().name());
            assertThat(text(answer, "reason")).isNotBlank();
        }
    }

    private static Expected accepted() {
        return new Expected(true, null);
    }

    private static Expected rejected(ErrorCode code) {
        return new Expected(false, code);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.textValue();
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tool's root command, with 'verify' reading the given standard input. */
    private static CommandLine commandLine(InputStream stdin) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return new CommandLine(new AlephCli(), new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == VerifyCommand.class ? (K) new VerifyCommand(stdin) : defaults.create(type);
            }
        });
    }

    private static Run run(byte[] stdin, String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = commandLine(new ByteArrayInputStream(stdin));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(args);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isEmpty()) {
                assertThat(line).as("output is ASCII").matches("\\p{ASCII}*");
                lines.add(JSON.readTree(line));
            }
        }
        return new Run(exitCode, out.toString(), err.toString(), lines);
    }

    private record Run(int exitCode, String out, String err, List<JsonNode> lines) {}
}
