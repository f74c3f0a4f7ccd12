package cloud.aleph.flink.jobs;

import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.jobs.cli.AlephCli;
import cloud.aleph.flink.operators.consensus.InclusionProof;
import cloud.aleph.flink.operators.consensus.Membership;
import cloud.aleph.flink.operators.crypto.EvmVerifier;
import cloud.aleph.flink.operators.model.EpochDigest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine;

/** Proofs of inclusion of final messages, as {@code bin/aleph proof} computes them and from the rows directly. */
final class NetworkProofs {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@code bin/aleph proof} answered: its exit code and the JSON it printed (null when it printed none). */
    record ProofRun(int exitCode, JsonNode output) {}

    private NetworkProofs() {}

    /**
     * Runs {@code bin/aleph proof ITEM_HASH} through the command line's own parser, against the
     * network's keyspace.
     *
     * @param members the {@code aleph.consensus.members} to check the signatures against, or null
     */
    static synchronized ProofRun runProofCommand(Configuration conf, String itemHash, String members) throws Exception {
        List<String> args = new ArrayList<>(List.of("proof", itemHash,
                "-o", CassandraOptions.CONTACT_POINTS.key() + "=" + conf.get(CassandraOptions.CONTACT_POINTS),
                "-o", CassandraOptions.LOCAL_DATACENTER.key() + "=" + conf.get(CassandraOptions.LOCAL_DATACENTER),
                "-o", CassandraOptions.KEYSPACE.key() + "=" + conf.get(CassandraOptions.KEYSPACE)));
        if (members != null) {
            args.addAll(List.of("-o", JobOptions.CONSENSUS_MEMBERS.key() + "=" + members));
        }
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exitCode;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            exitCode = new CommandLine(new AlephCli()).execute(args.toArray(String[]::new));
        } finally {
            System.setOut(console);
        }
        String text = printed.toString(StandardCharsets.UTF_8).trim();
        return new ProofRun(exitCode, text.isEmpty() ? null : JSON.readTree(text));
    }

    /**
     * The proof computed from the epochs and epoch_signatures rows of the message's epoch.
     *
     * @param members the CCNs to check the signatures against
     */
    static InclusionProof fromRows(NetworkStore.Epoch epoch, List<NetworkStore.Signature> signatures, String itemHash,
            Membership members) {
        List<EpochDigest> digests = new ArrayList<>();
        for (NetworkStore.Signature s : signatures) {
            if (s.partition() == epoch.partition() && s.start() == epoch.start()) {
                digests.add(new EpochDigest(s.ccn(), epoch.partition(), epoch.start(), epoch.end(),
                        String.join(",", epoch.leaves()), s.root(), s.previous(), s.chain(), s.signature()));
            }
        }
        return InclusionProof.of(itemHash, epoch.partition(), epoch.start(), epoch.end(), epoch.root(), epoch.leaves(),
                digests, members, new EvmVerifier());
    }
}
