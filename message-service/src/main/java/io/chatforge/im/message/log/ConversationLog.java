package io.chatforge.im.message.log;

import io.chatforge.im.contracts.frame.MsgFrame;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conversation log: the only writer of messages, conversations, their members, sequence
 * numbers and read cursors. Messages get gap-free sequence numbers per conversation; a membership
 * is a window of seqs (joined after, left at). Group changes run inside their caller's transaction
 * (which holds the group's lock); a batch of sends and cursor moves run in their own.
 */
@Component
public class ConversationLog {
    private static final int ATTEMPTS = 5;

    private final MessageAppender appender;
    private final SystemEntries system;
    private final Memberships memberships;
    private final Cursors cursors;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ConversationLog(
            MessageAppender appender,
            SystemEntries system,
            Memberships memberships,
            Cursors cursors,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions) {
        this.appender = appender;
        this.system = system;
        this.memberships = memberships;
        this.cursors = cursors;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        // row locks only: no gap locks between concurrent inserts of different conversations
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** Appends a batch of messages in one transaction; only after it returns may anyone be told. */
    public Appended append(List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return new Appended(List.of(), Map.of());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(tx -> appender.append(drafts));
            } catch (PessimisticLockingFailureException | DuplicateKeyException raced) {
                // a concurrent batch (a rebalance overlap) touched the same rows; the retry sees them
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /** The message a sender stored under this clientMsgId, if any. */
    public Optional<Entry> find(long senderId, String clientMsgId) {
        return appender.find(senderId, clientMsgId);
    }

    /** Opens a group's conversation, empty; its members join separately. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void openGroup(String conversationId, long now) {
        jdbc.update(
                "INSERT INTO conversations (id, kind, last_seq, created_at) VALUES (?, 'group', 0, ?)",
                conversationId,
                now);
    }

    /**
     * Appends {@code {event, actorId, ...details}} as a system message; the conversation stays
     * locked until the caller's transaction ends.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MsgFrame appendSystem(String conversationId, long actorId, String event, Map<String, Object> details) {
        return system.append(conversationId, actorId, event, details);
    }

    /** These users read the conversation after {@code joinedSeq}; rejoining starts a new window. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void join(String conversationId, Collection<Long> userIds, long joinedSeq, long now) {
        memberships.join(conversationId, userIds, joinedSeq, now);
    }

    /** These users read the conversation up to {@code leftSeq}, the message saying they left. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void leave(String conversationId, Collection<Long> userIds, long leftSeq) {
        memberships.leave(conversationId, userIds, leftSeq);
    }

    /** Moves read cursors (and delivered ones with them); the cursors of members afterwards. */
    public List<Cursor> moveRead(List<CursorMove> moves) {
        return transactions.execute(tx -> cursors.move(moves, Cursors.READ));
    }

    public List<Cursor> moveDelivered(List<CursorMove> moves) {
        return transactions.execute(tx -> cursors.move(moves, Cursors.DELIVERED));
    }
}
