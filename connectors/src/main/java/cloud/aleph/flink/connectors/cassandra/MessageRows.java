package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.config.Identifiers;
import cloud.aleph.flink.operators.model.AcceptedCopy;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Rows of the kept copy of an accepted message: the {@code messages} row by item_hash and the
 * {@code messages_by_sender} row in the (sender, UTC day of the envelope time) partition.
 *
 * <p>Every statement is written at the copy's version, so when a smaller copy replaces the kept
 * one (see {@code CopyKey}) its rows win whatever order the writes complete in, and nulls are
 * written (a replacing copy without a channel clears the old channel). When the replaced copy had
 * another sender or time, its by-sender row is deleted at the same version.
 */
public final class MessageRows implements CassandraRowMapper<AcceptedCopy> {

    private static final long serialVersionUID = 1L;

    private final String insertMessage;
    private final String insertBySender;
    private final String deleteBySender;

    public MessageRows(String keyspace) {
        String ks = Identifiers.requireKeyspace(keyspace);
        this.insertMessage = "INSERT INTO " + ks + ".messages (item_hash, chain, sender, type, item_type, item_content,"
                + " signature, time, channel, owner, content_time, size, source_partition, source_offset, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.insertBySender = "INSERT INTO " + ks + ".messages_by_sender (sender, day, time, item_hash, type, chain, channel)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        this.deleteBySender = "DELETE FROM " + ks + ".messages_by_sender WHERE sender = ? AND day = ? AND time = ?"
                + " AND item_hash = ?";
    }

    @Override
    public CassandraWrite toWrite(AcceptedCopy copy) {
        VerifiedMessage m = copy.message();
        Objects.requireNonNull(m.itemHash(), "item_hash");
        long version = copy.version();
        List<CqlStatement> statements = new ArrayList<>(3);
        statements.add(versioned(
                version,
                insertMessage,
                m.itemHash(),
                m.chain().wire(),
                m.sender(),
                m.type().wire(),
                m.itemType().wire(),
                m.itemContent(),
                m.signature(),
                m.time(),
                m.channel(),
                m.owner(),
                m.contentTime(),
                m.size(),
                m.partition(),
                m.offset(),
                Instant.ofEpochMilli(m.receivedMillis())));
        statements.add(versioned(
                version,
                insertBySender,
                m.sender(),
                UtcDays.ofEpochSeconds(m.time()),
                m.time(),
                m.itemHash(),
                m.type().wire(),
                m.chain().wire(),
                m.channel()));
        if (copy.supersedesAnotherCopy()) {
            double time = copy.supersededTime();
            statements.add(versioned(version, deleteBySender,
                    copy.supersededSender(), UtcDays.ofEpochSeconds(time), time, m.itemHash()));
        }
        return new CassandraWrite(m.itemHash(), statements);
    }

    private static CqlStatement versioned(long version, String cql, Object... values) {
        return new CqlStatement(cql, Arrays.asList(values), version, CqlStatement.Nulls.WRITE_NULL);
    }
}
