package cloud.aleph.flink.jobs.cli;

import cloud.aleph.flink.connectors.cassandra.CassandraQueries;
import cloud.aleph.flink.connectors.cassandra.CassandraSessions;
import cloud.aleph.flink.connectors.config.CassandraOptions;
import cloud.aleph.flink.jobs.JobOptions;
import cloud.aleph.flink.operators.consensus.InclusionProof;
import cloud.aleph.flink.operators.consensus.Membership;
import cloud.aleph.flink.operators.crypto.EvmVerifier;
import cloud.aleph.flink.operators.json.AlephJson;
import cloud.aleph.flink.operators.model.EpochDigest;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Reads a final message's proof of inclusion back from Cassandra and checks it. */
@Command(
        name = "proof",
        mixinStandardHelpOptions = true,
        description = {
            "Read the proof that a final message is in its epoch: its Merkle path to the epoch's root and the CCNs'",
            "signatures over that root; check the path, the digests and the signatures, and print it all as JSON.",
            "With -o aleph.consensus.members=id=0x...,id=ed25519:...,... it also checks each signature against the key",
            "registered for its CCN and that a majority of those CCNs signed; without it, an Ed25519 signature can only",
            "be checked for its form (it does not name its key).",
            "Exit code 0 when the proof holds, 1 when it does not or the message is not final."
        })
final class ProofCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(paramLabel = "ITEM_HASH")
    String itemHash;

    @Mixin
    ConnectionOptions connections;

    @Override
    public Integer call() throws Exception {
        Configuration configuration = connections.configuration();
        try (CqlSession session = CassandraSessions.open(configuration)) {
            CassandraQueries queries = new CassandraQueries(session, CassandraOptions.keyspace(configuration));
            Object epoch = queries.statusByHash(itemHash).map(row -> row.get("epoch")).orElse(null);
            if (epoch == null) {
                System.err.println(itemHash + " is not final (no epoch in its status)");
                return 1;
            }
            String[] place = epoch.toString().split("[:-]");
            int partition = Integer.parseInt(place[0]);
            long start = Long.parseLong(place[1]);
            Map<String, Object> row = queries.epoch(partition, start).orElseThrow(
                    () -> new IllegalStateException("epoch " + epoch + " is not in the epochs table"));
            List<String> leaves = new ArrayList<>();
            AlephJson.parse(row.get("leaves").toString()).forEach(leaf -> leaves.add(leaf.asText()));
            List<EpochDigest> digests = new ArrayList<>();
            long end = (Long) row.get("end");
            for (Map<String, Object> signature : queries.epochSignatures(partition, start)) {
                digests.add(new EpochDigest((String) signature.get("ccn"), partition, start, end, String.join(",", leaves),
                        (String) signature.get("root"), (String) signature.get("previous"), (String) signature.get("chain"),
                        (String) signature.get("signature")));
            }
            Membership members = configuration.contains(JobOptions.CONSENSUS_MEMBERS)
                    ? Membership.parse(configuration.get(JobOptions.CONSENSUS_MEMBERS), "majority", "")
                    : null;
            InclusionProof proof = InclusionProof.of(itemHash, partition, start, end, (String) row.get("root"), leaves,
                    digests, members, new EvmVerifier());
            boolean holds = proof.pathValid() && proof.signatures().stream().anyMatch(InclusionProof.Signature::wellFormed);
            ObjectNode out = JSON.valueToTree(proof);
            if (members != null) {
                long signed = proof.memberSignatures();
                out.put("member_signatures", signed);
                out.put("majority", members.majority());
                holds = holds && signed >= members.majority();
            }
            out.put("holds", holds);
            System.out.println(JSON.writeValueAsString(out));
            return holds ? 0 : 1;
        }
    }
}
