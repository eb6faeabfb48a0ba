package io.chatforge.im.message.ingest;

import io.chatforge.im.contracts.messaging.ConversationIds;
import io.chatforge.im.contracts.messaging.InboundRecord;
import io.chatforge.im.message.conversation.Sequences;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a batch of sends in one transaction: drops retries of sends already stored, takes the
 * next sequence numbers of each conversation (locked, in id order), inserts the messages and
 * moves the senders' own read cursors. Only after commit may anyone be told.
 */
@Component
class MessageStore {
    private static final int ATTEMPTS = 5;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MessageIds ids;
    private final Sequences sequences;

    MessageStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, MessageIds ids, Sequences sequences) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.sequences = sequences;
        this.transactions = new TransactionTemplate(transactions);
        // row locks only: no gap locks between concurrent inserts of different conversations
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    StoredBatch store(List<InboundRecord> sends) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(tx -> storeOnce(sends));
            } catch (PessimisticLockingFailureException | DuplicateKeyException raced) {
                // a concurrent batch (a rebalance overlap) touched the same rows; the retry sees them
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private StoredBatch storeOnce(List<InboundRecord> sends) {
        Map<DedupKey, StoredMessage> stored = alreadyStored(sends);
        Map<String, List<InboundRecord>> fresh = new TreeMap<>();
        Map<DedupKey, InboundRecord> firstOfKey = new HashMap<>();
        for (InboundRecord send : sends) {
            DedupKey key = DedupKey.of(send);
            if (!stored.containsKey(key) && firstOfKey.putIfAbsent(key, send) == null) {
                fresh.computeIfAbsent(send.conversationId(), c -> new ArrayList<>())
                        .add(send);
            }
        }
        Map<String, Set<Long>> members = new HashMap<>();
        List<InboundRecord> notMembers = new ArrayList<>();
        if (!fresh.isEmpty()) {
            stored.putAll(insert(fresh, members, notMembers));
        }
        List<StoredMessage> result = new ArrayList<>(sends.size());
        for (InboundRecord send : sends) {
            StoredMessage message = stored.get(DedupKey.of(send));
            if (message != null) {
                result.add(message.send() == send ? message : message.answering(send));
            }
        }
        return new StoredBatch(result, members, notMembers);
    }

    /** The message a sender stored under this clientMsgId, if any. */
    Optional<StoredMessage> find(long senderId, String clientMsgId) {
        return jdbc
                .query(
                        "SELECT conversation_id, id, seq, created_at FROM messages WHERE sender_id = ? AND client_msg_id = ?",
                        (rs, row) -> new StoredMessage(
                                null, rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), true),
                        senderId,
                        clientMsgId.getBytes(StandardCharsets.UTF_8))
                .stream()
                .findFirst();
    }

    /** Sends of this batch that an earlier batch stored already (client retries, redeliveries). */
    private Map<DedupKey, StoredMessage> alreadyStored(List<InboundRecord> sends) {
        Map<DedupKey, StoredMessage> found = new HashMap<>();
        String tuples = String.join(",", Collections.nCopies(sends.size(), "(?,?)"));
        Object[] args = new Object[sends.size() * 2];
        for (int i = 0; i < sends.size(); i++) {
            args[2 * i] = sends.get(i).senderId();
            args[2 * i + 1] = sends.get(i).clientMsgId().getBytes(StandardCharsets.UTF_8);
        }
        jdbc.query(
                "SELECT sender_id, client_msg_id, conversation_id, seq, id, created_at FROM messages"
                        + " WHERE (sender_id, client_msg_id) IN (" + tuples + ")",
                rs -> {
                    found.put(
                            // client_msg_id is VARBINARY: compared and read back byte for byte
                            new DedupKey(rs.getLong(1), new String(rs.getBytes(2), StandardCharsets.UTF_8)),
                            new StoredMessage(
                                    null, rs.getString(3), rs.getLong(5), rs.getLong(4), rs.getLong(6), true));
                },
                args);
        return found;
    }

    private Map<DedupKey, StoredMessage> insert(
            Map<String, List<InboundRecord>> byConversation,
            Map<String, Set<Long>> members,
            List<InboundRecord> notMembers) {
        long now = System.currentTimeMillis();
        ensureConversations(byConversation.keySet(), now);
        Map<String, Long> lastSeq = sequences.lock(byConversation.keySet());
        // under the lock no membership change of these groups can commit: this is who is in them
        members.putAll(groupMembers(byConversation.keySet()));
        members.forEach((conversationId, current) -> byConversation
                .get(conversationId)
                .removeIf(send -> !current.contains(send.senderId()) && notMembers.add(send)));
        Map<DedupKey, StoredMessage> created = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> sequences = new ArrayList<>();
        Map<List<Object>, Long> senderRead = new HashMap<>();
        byConversation.forEach((conversationId, sends) -> {
            long seq = lastSeq.get(conversationId);
            for (InboundRecord send : sends) {
                seq++;
                long msgId = ids.next();
                created.put(DedupKey.of(send), new StoredMessage(send, conversationId, msgId, seq, now, false));
                rows.add(new Object[] {
                    conversationId,
                    seq,
                    msgId,
                    send.senderId(),
                    send.senderDeviceId(),
                    send.to().userId(),
                    send.clientMsgId().getBytes(StandardCharsets.UTF_8),
                    send.body().kind(),
                    send.body().text(),
                    now
                });
                senderRead.put(List.of(send.senderId(), conversationId), seq);
            }
            sequences.add(new Object[] {seq, now, conversationId});
        });
        jdbc.batchUpdate(
                "INSERT INTO messages (conversation_id, seq, id, sender_id, sender_device_id, receiver_id,"
                        + " client_msg_id, kind, content, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                rows);
        this.sequences.advance(sequences);
        List<Object[]> reads = new ArrayList<>();
        senderRead.forEach((key, seq) -> reads.add(new Object[] {seq, seq, key.get(0), key.get(1)}));
        jdbc.batchUpdate(
                "UPDATE conversation_members SET read_seq = GREATEST(read_seq, ?),"
                        + " delivered_seq = GREATEST(delivered_seq, ?) WHERE user_id = ? AND conversation_id = ?",
                reads);
        return created;
    }

    /** The current members of the group conversations among these, by conversation id. */
    private Map<String, Set<Long>> groupMembers(Collection<String> conversationIds) {
        Map<Long, String> groups = new HashMap<>();
        for (String id : conversationIds) {
            Long groupId = ConversationIds.groupId(id);
            if (groupId != null) {
                groups.put(groupId, id);
            }
        }
        Map<String, Set<Long>> members = new HashMap<>();
        if (groups.isEmpty()) {
            return members;
        }
        groups.values().forEach(id -> members.put(id, new HashSet<>()));
        jdbc.query(
                "SELECT group_id, user_id FROM group_members WHERE group_id IN ("
                        + String.join(",", Collections.nCopies(groups.size(), "?")) + ")",
                rs -> {
                    members.get(groups.get(rs.getLong(1))).add(rs.getLong(2));
                },
                groups.keySet().toArray());
        return members;
    }

    /** Creates missing conversations and their member rows (direct conversations: both users). */
    private void ensureConversations(Iterable<String> conversationIds, long now) {
        List<Object[]> conversations = new ArrayList<>();
        List<Object[]> members = new ArrayList<>();
        for (String id : conversationIds) {
            long[] users = ConversationIds.members(id);
            if (users == null) {
                continue; // a group's conversation exists since the group was created
            }
            conversations.add(new Object[] {id, "direct", now});
            members.add(new Object[] {users[0], id, users[1], now});
            members.add(new Object[] {users[1], id, users[0], now});
        }
        if (conversations.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "INSERT IGNORE INTO conversations (id, kind, last_seq, created_at) VALUES (?, ?, 0, ?)", conversations);
        jdbc.batchUpdate(
                "INSERT IGNORE INTO conversation_members (user_id, conversation_id, peer_id, created_at)"
                        + " VALUES (?, ?, ?, ?)",
                members);
    }

    private record DedupKey(long senderId, String clientMsgId) {
        static DedupKey of(InboundRecord send) {
            return new DedupKey(send.senderId(), send.clientMsgId());
        }
    }
}
