package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.config.Identifiers;
import cloud.aleph.flink.operators.model.ConsensusNote;
import cloud.aleph.flink.operators.model.EpochDigest;
import cloud.aleph.flink.operators.model.FinalEpoch;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Rows of the consensus: finalised epochs (written with the number of their signers as the write
 * timestamp, so a longer list of signers always wins), the digests that signed them, and the notes
 * on CCNs that disagreed or diverged.
 */
public final class ConsensusRows {

    private ConsensusRows() {}

    /** The {@code epochs} row of a finalised epoch. */
    public static CassandraRowMapper<FinalEpoch> epochs(String keyspace) {
        String cql = "INSERT INTO " + Identifiers.requireKeyspace(keyspace)
                + ".epochs (partition, start, end, root, leaves, signers) VALUES (?, ?, ?, ?, ?, ?)";
        return epoch -> new CassandraWrite(epoch.id(), List.of(new CqlStatement(cql,
                Arrays.asList(epoch.partition(), epoch.start(), epoch.end(), epoch.root(),
                        ForgottenRows.jsonArray(epoch.leaves()), ForgottenRows.jsonArray(epoch.signers())),
                epoch.signers().split(",").length, CqlStatement.Nulls.WRITE_NULL)));
    }

    /** The {@code epoch_signatures} row of a digest that signed its epoch's final root. */
    public static CassandraRowMapper<EpochDigest> signatures(String keyspace) {
        String cql = "INSERT INTO " + Identifiers.requireKeyspace(keyspace)
                + ".epoch_signatures (partition, start, ccn, root, previous, chain, signature) VALUES (?, ?, ?, ?, ?, ?, ?)";
        return d -> new CassandraWrite(d.partition() + ":" + d.start() + " " + d.ccn(), List.of(CqlStatement.of(cql,
                d.partition(), d.start(), d.ccn(), d.root(), d.previous(), d.chain(), d.signature())));
    }

    /** The {@code consensus_notes} row of a note, in the partition of its CCN and UTC day. */
    public static CassandraRowMapper<ConsensusNote> notes(String keyspace) {
        String cql = "INSERT INTO " + Identifiers.requireKeyspace(keyspace)
                + ".consensus_notes (ccn, day, kind, subject, item_hash, ccn_says, agreed) VALUES (?, ?, ?, ?, ?, ?, ?)";
        return note -> new CassandraWrite(note.ccn() + " " + note.subject(), List.of(CqlStatement.of(cql,
                note.ccn(), UtcDays.ofEpochMillis(note.atMillis()), note.kind().name().toLowerCase(Locale.ROOT),
                note.subject(), note.itemHash(), note.ccnSays(), note.agreed())));
    }
}
