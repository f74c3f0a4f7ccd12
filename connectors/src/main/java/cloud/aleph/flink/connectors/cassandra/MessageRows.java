package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.config.Identifiers;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Rows of an accepted message: the {@code messages} row by item_hash and the
 * {@code messages_by_sender} row in the (sender, UTC day of the envelope time) partition. Nulls
 * are left unset: a message row is written once, and a replay writes the same values.
 */
public final class MessageRows implements CassandraRowMapper<VerifiedMessage> {

    private static final long serialVersionUID = 1L;

    private final String insertMessage;
    private final String insertBySender;

    public MessageRows(String keyspace) {
        String ks = Identifiers.requireKeyspace(keyspace);
        this.insertMessage = "INSERT INTO " + ks + ".messages (item_hash, chain, sender, type, item_type, item_content,"
                + " signature, time, channel, owner, content_time, size, source_partition, source_offset, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.insertBySender = "INSERT INTO " + ks + ".messages_by_sender (sender, day, time, item_hash, type, chain, channel)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    public CassandraWrite toWrite(VerifiedMessage m) {
        Objects.requireNonNull(m.itemHash(), "item_hash");
        CqlStatement message = CqlStatement.of(
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
                Instant.ofEpochMilli(m.receivedMillis()));
        CqlStatement bySender = CqlStatement.of(
                insertBySender,
                m.sender(),
                UtcDays.ofEpochSeconds(m.time()),
                m.time(),
                m.itemHash(),
                m.type().wire(),
                m.chain().wire(),
                m.channel());
        return new CassandraWrite(m.itemHash(), List.of(message, bySender));
    }
}
