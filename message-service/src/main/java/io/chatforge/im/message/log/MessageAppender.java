package io.chatforge.im.message.log;

import io.chatforge.im.contracts.frame.ErrorCodes;
import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.messaging.ConversationIds;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
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
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends a batch of drafts inside the caller's transaction: drops retries of drafts already
 * stored, takes the next sequence numbers of each conversation (locked, in id order), refuses
 * drafts of senders who are no longer members of the group and changes the lifecycle rules refuse
 * ({@link Lifecycle}), inserts the entries, applies their effects and moves the senders' own read
 * cursors (not for a delete: deleting is not reading).
 */
@Component
class MessageAppender {
    private final JdbcTemplate jdbc;
    private final MessageIds ids;
    private final Sequences sequences;
    private final Lifecycle lifecycle;

    MessageAppender(JdbcTemplate jdbc, MessageIds ids, Sequences sequences, Lifecycle lifecycle) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.sequences = sequences;
        this.lifecycle = lifecycle;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Appended append(List<Draft> drafts) {
        Map<DedupKey, Entry> stored = alreadyStored(drafts);
        Map<String, List<Draft>> fresh = freshByConversation(drafts, stored.keySet());
        Map<String, Set<Long>> members = new HashMap<>();
        Map<DedupKey, Accepted> created = fresh.isEmpty() ? Map.of() : insert(fresh, members);
        return new Appended(outcomes(drafts, created, stored), members);
    }

    /** A draft stored now (its entry and delivered body), or refused. */
    record Accepted(Entry entry, MessageBody delivered, Appended.Refusal refusal) {}

    /** The drafts not stored before, the first of each key only, by conversation in id order. */
    static Map<String, List<Draft>> freshByConversation(List<Draft> drafts, Set<DedupKey> stored) {
        Map<String, List<Draft>> fresh = new TreeMap<>();
        Set<DedupKey> seen = new HashSet<>();
        for (Draft draft : drafts) {
            DedupKey key = DedupKey.of(draft);
            if (!stored.contains(key) && seen.add(key)) {
                fresh.computeIfAbsent(draft.conversationId(), c -> new ArrayList<>())
                        .add(draft);
            }
        }
        return fresh;
    }

    /**
     * Each draft's fate, in order: the first draft of a key decided now is new (or refused); a
     * later copy of it in the same batch, or one stored by an earlier batch, is a repeat.
     */
    static List<Appended.Outcome> outcomes(
            List<Draft> drafts, Map<DedupKey, Accepted> created, Map<DedupKey, Entry> stored) {
        List<Appended.Outcome> outcomes = new ArrayList<>(drafts.size());
        Set<DedupKey> answered = new HashSet<>();
        for (Draft draft : drafts) {
            DedupKey key = DedupKey.of(draft);
            Accepted decided = created.get(key);
            if (decided != null && decided.refusal() != null) {
                outcomes.add(new Appended.Outcome(draft, null, false, decided.refusal(), null));
            } else if (decided != null) {
                boolean first = answered.add(key);
                outcomes.add(
                        new Appended.Outcome(draft, decided.entry(), !first, null, first ? decided.delivered() : null));
            } else {
                Entry entry = stored.get(key);
                outcomes.add(
                        entry != null
                                ? new Appended.Outcome(draft, entry, true, null, null)
                                : new Appended.Outcome(draft, null, false, NOT_A_MEMBER, null));
            }
        }
        return outcomes;
    }

    static final Appended.Refusal NOT_A_MEMBER =
            new Appended.Refusal(ErrorCodes.NOT_A_MEMBER, "you are not a member of this group");

    /**
     * Numbers the drafts of each conversation after its last seq, in order, gap-free: the entries
     * they become, by key.
     */
    static Map<DedupKey, Entry> number(
            Map<String, List<Draft>> byConversation, Map<String, Long> lastSeq, LongSupplier ids, long now) {
        Map<DedupKey, Entry> entries = new LinkedHashMap<>();
        byConversation.forEach((conversationId, drafts) -> {
            long seq = drafts.isEmpty() ? 0 : lastSeq.get(conversationId);
            for (Draft draft : drafts) {
                entries.put(DedupKey.of(draft), new Entry(conversationId, ids.getAsLong(), ++seq, now));
            }
        });
        return entries;
    }

    /** The message a sender stored under this clientMsgId, if any. */
    Optional<Entry> find(long senderId, String clientMsgId) {
        return jdbc
                .query(
                        "SELECT conversation_id, id, seq, created_at FROM messages WHERE sender_id = ? AND client_msg_id = ?",
                        (rs, row) -> new Entry(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                        senderId,
                        clientMsgId.getBytes(StandardCharsets.UTF_8))
                .stream()
                .findFirst();
    }

    /** Drafts of this batch that an earlier batch stored already (client retries, redeliveries). */
    private Map<DedupKey, Entry> alreadyStored(List<Draft> drafts) {
        Map<DedupKey, Entry> found = new HashMap<>();
        String tuples = String.join(",", Collections.nCopies(drafts.size(), "(?,?)"));
        Object[] args = new Object[drafts.size() * 2];
        for (int i = 0; i < drafts.size(); i++) {
            args[2 * i] = drafts.get(i).senderId();
            args[2 * i + 1] = drafts.get(i).clientMsgId().getBytes(StandardCharsets.UTF_8);
        }
        jdbc.query(
                "SELECT sender_id, client_msg_id, conversation_id, seq, id, created_at FROM messages"
                        + " WHERE (sender_id, client_msg_id) IN (" + tuples + ")",
                rs -> {
                    found.put(
                            // client_msg_id is VARBINARY: compared and read back byte for byte
                            new DedupKey(rs.getLong(1), new String(rs.getBytes(2), StandardCharsets.UTF_8)),
                            new Entry(rs.getString(3), rs.getLong(5), rs.getLong(4), rs.getLong(6)));
                },
                args);
        return found;
    }

    private Map<DedupKey, Accepted> insert(Map<String, List<Draft>> byConversation, Map<String, Set<Long>> members) {
        long now = System.currentTimeMillis();
        Map<String, Long> lastSeq = lockCreatingMissing(byConversation.keySet(), now);
        Map<DedupKey, Accepted> decided = new HashMap<>();
        // under the lock no membership change of these groups can commit: this is who is in them
        members.putAll(currentGroupMembers(byConversation.keySet()));
        members.forEach(
                (conversationId, current) -> byConversation.get(conversationId).removeIf(draft -> {
                    boolean out = !current.contains(draft.senderId());
                    if (out) {
                        decided.put(DedupKey.of(draft), new Accepted(null, null, NOT_A_MEMBER));
                    }
                    return out;
                }));
        List<Draft> ordered =
                byConversation.values().stream().flatMap(List::stream).toList();
        Map<Draft, LifecycleRules.Decision> decisions = lifecycle.decide(ordered, members);
        byConversation
                .values()
                .forEach(drafts -> drafts.removeIf(draft -> {
                    if (decisions.get(draft) instanceof LifecycleRules.Refused refused) {
                        decided.put(DedupKey.of(draft), new Accepted(null, null, refused.refusal()));
                        return true;
                    }
                    return false;
                }));
        Map<DedupKey, Entry> created = number(byConversation, lastSeq, ids::next, now);
        List<Object[]> rows = new ArrayList<>();
        List<Lifecycle.Applied> effects = new ArrayList<>();
        Map<String, Entry> lastOfConversation = new LinkedHashMap<>();
        Map<List<Object>, Long> senderRead = new HashMap<>();
        byConversation
                .values()
                .forEach(drafts -> drafts.forEach(draft -> {
                    Entry entry = created.get(DedupKey.of(draft));
                    var accepted = (LifecycleRules.Accepted) decisions.get(draft);
                    LifecycleRules.Stored stored = accepted.stored();
                    rows.add(new Object[] {
                        entry.conversationId(),
                        entry.seq(),
                        entry.msgId(),
                        draft.senderId(),
                        draft.senderDeviceId(),
                        draft.receiverId(),
                        draft.clientMsgId().getBytes(StandardCharsets.UTF_8),
                        stored.kind(),
                        lifecycle.content(accepted),
                        now,
                        stored.targetId(),
                        stored.replyToId(),
                        lifecycle.mentionsJson(stored),
                        stored.forwardedFrom(),
                        MessageBody.PRIVATE.contains(stored.kind()) ? draft.senderId() : null,
                        lifecycle.mediaJson(stored)
                    });
                    effects.add(new Lifecycle.Applied(entry, accepted.effect()));
                    decided.put(DedupKey.of(draft), new Accepted(entry, accepted.delivered(), null));
                    lastOfConversation.put(entry.conversationId(), entry);
                    if (!MessageBody.DELETE.equals(stored.kind())) {
                        senderRead.put(List.of(draft.senderId(), entry.conversationId()), entry.seq());
                    }
                }));
        if (rows.isEmpty()) {
            return decided;
        }
        List<Object[]> advanced = new ArrayList<>();
        lastOfConversation.forEach(
                (conversationId, last) -> advanced.add(new Object[] {last.seq(), now, conversationId}));
        jdbc.batchUpdate(
                "INSERT INTO messages (conversation_id, seq, id, sender_id, sender_device_id, receiver_id,"
                        + " client_msg_id, kind, content, created_at, target_id, reply_to_id, mentions,"
                        + " forwarded_from, visible_to, media) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
                MESSAGE_COLUMN_TYPES);
        sequences.advance(advanced);
        lifecycle.apply(effects, now);
        List<Object[]> reads = new ArrayList<>();
        senderRead.forEach((key, seq) -> reads.add(new Object[] {key.get(0), key.get(1), seq}));
        if (!reads.isEmpty()) {
            RowsTable read = RowsTable.of(List.of("user_id", "conversation_id", "seq"), reads);
            jdbc.update(
                    "UPDATE conversation_members m JOIN (" + read.sql() + ") v"
                            + " ON m.user_id = v.user_id AND m.conversation_id = v.conversation_id"
                            + " SET m.read_seq = GREATEST(m.read_seq, v.seq),"
                            + " m.delivered_seq = GREATEST(m.delivered_seq, v.seq)",
                    read.args());
        }
        return decided;
    }

    /** Who is in each group conversation among these now: member rows that have not left. */
    private Map<String, Set<Long>> currentGroupMembers(Collection<String> conversationIds) {
        List<String> groups =
                conversationIds.stream().filter(ConversationIds::isGroup).toList();
        Map<String, Set<Long>> members = new HashMap<>();
        if (groups.isEmpty()) {
            return members;
        }
        groups.forEach(id -> members.put(id, new HashSet<>()));
        jdbc.query(
                "SELECT conversation_id, user_id FROM conversation_members WHERE left_seq IS NULL"
                        + " AND conversation_id IN (" + String.join(",", Collections.nCopies(groups.size(), "?")) + ")",
                rs -> {
                    members.get(rs.getString(1)).add(rs.getLong(2));
                },
                groups.toArray());
        return members;
    }

    /**
     * Locks the conversations and returns their last seqs, creating the direct and self conversations
     * that do not exist yet first. Most batches write to conversations that exist: locking first spares
     * them two INSERT IGNOREs per conversation (conversations and their members are never deleted).
     */
    private Map<String, Long> lockCreatingMissing(Set<String> conversationIds, long now) {
        Map<String, Long> lastSeq = sequences.lock(conversationIds);
        List<String> missing = missingFrom(conversationIds, lastSeq.keySet());
        if (!missing.isEmpty()) {
            ensureConversations(missing, now);
            lastSeq.putAll(sequences.lock(missing));
        }
        return lastSeq;
    }

    /** The conversations of a batch that the lock did not find, in id order. */
    static List<String> missingFrom(Collection<String> conversationIds, Set<String> found) {
        return conversationIds.stream()
                .filter(id -> !found.contains(id))
                .sorted()
                .toList();
    }

    /** Creates missing direct conversations and their two member rows, and users' own ones. */
    private void ensureConversations(Iterable<String> conversationIds, long now) {
        List<Object[]> conversations = new ArrayList<>();
        List<Object[]> members = new ArrayList<>();
        for (String id : conversationIds) {
            long[] users = ConversationIds.members(id);
            Long owner = ConversationIds.selfOwner(id);
            if (users != null) {
                conversations.add(new Object[] {id, "direct", now});
                members.add(new Object[] {users[0], id, users[1], now});
                members.add(new Object[] {users[1], id, users[0], now});
            } else if (owner != null) {
                conversations.add(new Object[] {id, "self", now});
                members.add(new Object[] {owner, id, null, now});
            } // a group's conversation exists since the group was created
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

    /**
     * The messages columns' SQL types, in the INSERT's order. Without them every null (a text leaves six
     * columns null) makes Spring ask the driver for the parameter's type, which MySQL's driver answers
     * with an exception: a fifth of message-service's CPU under load, in a profile.
     */
    private static final int[] MESSAGE_COLUMN_TYPES = {
        Types.VARCHAR, // conversation_id
        Types.BIGINT, // seq
        Types.BIGINT, // id
        Types.BIGINT, // sender_id
        Types.VARCHAR, // sender_device_id
        Types.BIGINT, // receiver_id
        Types.VARBINARY, // client_msg_id
        Types.VARCHAR, // kind
        Types.VARCHAR, // content
        Types.BIGINT, // created_at
        Types.BIGINT, // target_id
        Types.BIGINT, // reply_to_id
        Types.VARCHAR, // mentions
        Types.BIGINT, // forwarded_from
        Types.BIGINT, // visible_to
        Types.VARCHAR // media
    };

    record DedupKey(long senderId, String clientMsgId) {
        static DedupKey of(Draft draft) {
            return new DedupKey(draft.senderId(), draft.clientMsgId());
        }
    }
}
