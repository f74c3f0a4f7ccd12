package cloud.aleph.flink.connectors.cassandra;

import cloud.aleph.flink.connectors.config.Identifiers;
import cloud.aleph.flink.operators.model.MessageRowChange;
import cloud.aleph.flink.operators.model.VerifiedMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Rows of the kept copy of a processed message: {@code messages} by item_hash, and the listing rows
 * {@code messages_by_sender} (sender, day), {@code messages_by_owner} (owner, day) and
 * {@code messages_by_type} (type, channel, day), days being UTC days of the envelope time.
 *
 * <p>Every statement is written at the change's version, so when a smaller copy replaces the kept
 * one, or a message is forgotten, the newest change wins whatever order the writes complete in;
 * nulls are written (a replacing copy without a channel clears the old channel). Listing rows of a
 * replaced copy whose key differs from the new copy's are deleted at the same version (a row whose
 * key does not change is only overwritten: a delete and an insert at one timestamp would let the
 * delete win).
 */
public final class MessageRows implements CassandraRowMapper<MessageRowChange> {

    private static final long serialVersionUID = 1L;

    /** Stands for the null channel in the partition key of messages_by_type. */
    public static final String NO_CHANNEL = "";

    private final String insertMessage;
    private final String deleteMessage;
    private final String insertBySender;
    private final String deleteBySender;
    private final String insertByOwner;
    private final String deleteByOwner;
    private final String insertByType;
    private final String deleteByType;

    public MessageRows(String keyspace) {
        String ks = Identifiers.requireKeyspace(keyspace);
        this.insertMessage = "INSERT INTO " + ks + ".messages (item_hash, chain, sender, type, item_type, item_content,"
                + " signature, time, channel, owner, content_time, size, source_partition, source_offset, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.deleteMessage = "DELETE FROM " + ks + ".messages WHERE item_hash = ?";
        this.insertBySender = "INSERT INTO " + ks + ".messages_by_sender (sender, day, time, item_hash, type, chain, channel)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        this.deleteBySender = "DELETE FROM " + ks + ".messages_by_sender WHERE sender = ? AND day = ? AND time = ?"
                + " AND item_hash = ?";
        this.insertByOwner = "INSERT INTO " + ks + ".messages_by_owner (owner, day, time, item_hash, type, channel, sender)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        this.deleteByOwner = "DELETE FROM " + ks + ".messages_by_owner WHERE owner = ? AND day = ? AND time = ?"
                + " AND item_hash = ?";
        this.insertByType = "INSERT INTO " + ks + ".messages_by_type (type, channel, day, time, item_hash, owner, sender)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        this.deleteByType = "DELETE FROM " + ks + ".messages_by_type WHERE type = ? AND channel = ? AND day = ?"
                + " AND time = ? AND item_hash = ?";
    }

    @Override
    public CassandraWrite toWrite(MessageRowChange change) {
        VerifiedMessage m = change.message();
        Objects.requireNonNull(m.itemHash(), "item_hash");
        long version = change.version();
        List<CqlStatement> statements = new ArrayList<>();
        if (change.remove()) {
            statements.add(versioned(version, deleteMessage, m.itemHash()));
            statements.add(versioned(version, deleteBySender, bySenderKey(m)));
            if (m.owner() != null) {
                statements.add(versioned(version, deleteByOwner, byOwnerKey(m)));
            }
            statements.add(versioned(version, deleteByType, byTypeKey(m)));
            return new CassandraWrite(m.itemHash(), statements);
        }
        statements.add(versioned(version, insertMessage,
                m.itemHash(), m.chain().wire(), m.sender(), m.type().wire(), m.itemType().wire(), m.itemContent(),
                m.signature(), m.time(), m.channel(), m.owner(), m.contentTime(), m.size(), m.partition(), m.offset(),
                Instant.ofEpochMilli(m.receivedMillis())));
        statements.add(versioned(version, insertBySender, concat(bySenderKey(m), m.type().wire(), m.chain().wire(), m.channel())));
        if (m.owner() != null) {
            statements.add(versioned(version, insertByOwner, concat(byOwnerKey(m), m.type().wire(), m.channel(), m.sender())));
        }
        statements.add(versioned(version, insertByType, concat(byTypeKey(m), m.owner(), m.sender())));
        VerifiedMessage old = change.replaced();
        if (old != null) {
            if (!Arrays.equals(bySenderKey(old), bySenderKey(m))) {
                statements.add(versioned(version, deleteBySender, bySenderKey(old)));
            }
            if (old.owner() != null && !Arrays.equals(byOwnerKey(old), byOwnerKey(m))) {
                statements.add(versioned(version, deleteByOwner, byOwnerKey(old)));
            }
            if (!Arrays.equals(byTypeKey(old), byTypeKey(m))) {
                statements.add(versioned(version, deleteByType, byTypeKey(old)));
            }
        }
        return new CassandraWrite(m.itemHash(), statements);
    }

    private static Object[] bySenderKey(VerifiedMessage m) {
        return new Object[] {m.sender(), day(m), m.time(), m.itemHash()};
    }

    private static Object[] byOwnerKey(VerifiedMessage m) {
        return new Object[] {m.owner(), day(m), m.time(), m.itemHash()};
    }

    private static Object[] byTypeKey(VerifiedMessage m) {
        return new Object[] {m.type().wire(), m.channel() == null ? NO_CHANNEL : m.channel(), day(m), m.time(), m.itemHash()};
    }

    private static LocalDate day(VerifiedMessage m) {
        return UtcDays.ofEpochSeconds(m.time());
    }

    private static Object[] concat(Object[] key, Object... more) {
        Object[] all = Arrays.copyOf(key, key.length + more.length);
        System.arraycopy(more, 0, all, key.length, more.length);
        return all;
    }

    private static CqlStatement versioned(long version, String cql, Object... values) {
        return new CqlStatement(cql, Arrays.asList(values), version, CqlStatement.Nulls.WRITE_NULL);
    }
}
