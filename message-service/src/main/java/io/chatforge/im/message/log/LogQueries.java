package io.chatforge.im.message.log;

import io.chatforge.im.contracts.frame.MsgFrame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the conversation log: a user's conversations, their windows and ranges of messages. */
@Component
public class LogQueries {
    private final JdbcTemplate jdbc;

    LogQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the user's conversations with anything to see, most recent activity first. */
    public List<Membership> conversations(long userId, long offset, int limit) {
        return jdbc.query(
                "SELECT m.conversation_id, c.kind, m.peer_id, m.read_seq, m.left_seq,"
                        + " pm.read_seq AS peer_read_seq,"
                        + " LEAST(c.last_seq, COALESCE(m.left_seq, c.last_seq)) AS visible_seq,"
                        + " msg.id, msg.seq, msg.sender_id, msg.sender_device_id, msg.kind, msg.content, msg.created_at"
                        + " FROM conversation_members m"
                        + " JOIN conversations c ON c.id = m.conversation_id"
                        + " LEFT JOIN conversation_members pm ON c.kind = 'direct'"
                        + " AND pm.conversation_id = m.conversation_id AND pm.user_id = m.peer_id"
                        + " LEFT JOIN messages msg ON msg.conversation_id = c.id"
                        + " AND msg.seq = LEAST(c.last_seq, COALESCE(m.left_seq, c.last_seq))"
                        + " WHERE m.user_id = ? AND c.last_seq > m.joined_seq"
                        + " ORDER BY c.last_message_at DESC, c.id LIMIT ? OFFSET ?",
                (rs, i) -> {
                    boolean direct = "direct".equals(rs.getString("kind"));
                    return new Membership(
                            rs.getString("conversation_id"),
                            rs.getString("kind"),
                            rs.getLong("visible_seq"),
                            rs.getLong("read_seq"),
                            rs.getObject("left_seq") != null,
                            direct ? rs.getLong("peer_id") : null,
                            direct ? rs.getLong("peer_read_seq") : null,
                            rs.getObject("id") == null ? null : MessageRows.frame(rs, i));
                },
                userId,
                limit,
                offset);
    }

    /**
     * Every conversation of the user with messages, in id order: its id, the seq the user joined
     * at and the last seq they may see (a former member's ends at their leaving).
     */
    public List<Window> windows(long userId) {
        return jdbc.query(
                "SELECT m.conversation_id, m.joined_seq, LEAST(c.last_seq, COALESCE(m.left_seq, c.last_seq))"
                        + " FROM conversation_members m"
                        + " JOIN conversations c ON c.id = m.conversation_id"
                        + " WHERE m.user_id = ? AND c.last_seq > 0 ORDER BY m.conversation_id",
                (rs, i) -> new Window(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                userId);
    }

    /** The part of one conversation the user may read, if they are (or were) a member. */
    public Optional<Window> window(long userId, String conversationId) {
        return jdbc
                .query(
                        "SELECT m.joined_seq, COALESCE(m.left_seq, " + Long.MAX_VALUE + ") FROM conversation_members m"
                                + " WHERE m.user_id = ? AND m.conversation_id = ?",
                        (rs, i) -> new Window(conversationId, rs.getLong(1), rs.getLong(2)),
                        userId,
                        conversationId)
                .stream()
                .findFirst();
    }

    /** Messages after {@code afterSeq} up to {@code upToSeq}, oldest first, at most {@code limit}. */
    public List<MsgFrame> oldestAfter(String conversationId, long afterSeq, long upToSeq, int limit) {
        return jdbc.query(
                "SELECT " + MessageRows.COLUMNS + " FROM messages WHERE conversation_id = ? AND seq > ? AND seq <= ?"
                        + " ORDER BY seq LIMIT ?",
                MessageRows.FRAME,
                conversationId,
                afterSeq,
                upToSeq,
                limit);
    }

    /**
     * The newest messages after {@code afterSeq}, up to {@code upToSeq} and before {@code beforeSeq},
     * returned oldest first.
     */
    public List<MsgFrame> newestBefore(String conversationId, long afterSeq, long upToSeq, long beforeSeq, int limit) {
        List<MsgFrame> messages = new ArrayList<>(jdbc.query(
                "SELECT " + MessageRows.COLUMNS + " FROM messages WHERE conversation_id = ? AND seq > ? AND seq <= ?"
                        + " AND seq < ? ORDER BY seq DESC LIMIT ?",
                MessageRows.FRAME,
                conversationId,
                afterSeq,
                upToSeq,
                beforeSeq,
                limit));
        Collections.reverse(messages);
        return messages;
    }
}
