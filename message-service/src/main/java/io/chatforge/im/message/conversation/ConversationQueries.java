package io.chatforge.im.message.conversation;

import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.contracts.messaging.ConversationIds;
import io.chatforge.im.service.web.ApiProblem;
import io.chatforge.im.service.web.PageView;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Conversation lists and history, for members only. */
@Component
class ConversationQueries {
    static final int MAX_PAGE = 100;
    static final int MAX_HISTORY = 200;

    private final JdbcTemplate jdbc;

    ConversationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    PageView<ConversationView> list(long userId, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE) {
            throw ApiProblem.badRequest("validation_failed", "page must be >= 0 and size between 1 and " + MAX_PAGE);
        }
        List<ConversationView> rows = jdbc.query(
                "SELECT m.conversation_id, c.kind, m.peer_id, m.read_seq, m.left_seq, pm.read_seq AS peer_read_seq,"
                        + " LEAST(c.last_seq, COALESCE(m.left_seq, c.last_seq)) AS visible_seq,"
                        + " g.id AS group_id, g.name AS group_name, g.avatar_url AS group_avatar,"
                        + " msg.id, msg.seq, msg.sender_id, msg.sender_device_id, msg.kind, msg.content, msg.created_at"
                        + " FROM conversation_members m"
                        + " JOIN conversations c ON c.id = m.conversation_id"
                        + " LEFT JOIN conversation_members pm ON c.kind = 'direct'"
                        + " AND pm.conversation_id = m.conversation_id AND pm.user_id = m.peer_id"
                        + " LEFT JOIN chat_groups g ON c.kind = 'group' AND g.id = CAST(SUBSTRING(c.id, 3) AS UNSIGNED)"
                        + " LEFT JOIN messages msg ON msg.conversation_id = c.id"
                        + " AND msg.seq = LEAST(c.last_seq, COALESCE(m.left_seq, c.last_seq))"
                        + " WHERE m.user_id = ? AND c.last_seq > m.joined_seq"
                        + " ORDER BY c.last_message_at DESC, c.id LIMIT ? OFFSET ?",
                (rs, i) -> {
                    MsgFrame last = rs.getObject("id") == null ? null : MessageRows.frame(rs, i);
                    long visible = rs.getLong("visible_seq");
                    long readSeq = rs.getLong("read_seq");
                    boolean group = "group".equals(rs.getString("kind"));
                    return new ConversationView(
                            rs.getString("conversation_id"),
                            rs.getString("kind"),
                            group
                                    ? null
                                    : new ConversationView.Peer(rs.getLong("peer_id"), rs.getLong("peer_read_seq")),
                            group
                                    ? new ConversationView.Group(
                                            rs.getLong("group_id"),
                                            rs.getString("group_name"),
                                            rs.getString("group_avatar"))
                                    : null,
                            visible,
                            readSeq,
                            Math.max(0, visible - readSeq),
                            rs.getObject("left_seq") != null,
                            last);
                },
                userId,
                size + 1,
                (long) page * size);
        boolean hasNext = rows.size() > size;
        return new PageView<>(hasNext ? rows.subList(0, size) : rows, page, size, hasNext);
    }

    /**
     * A page of history, oldest first: after {@code afterSeq}, or the newest before
     * {@code beforeSeq}, or the newest of all.
     */
    List<MsgFrame> history(long userId, String conversationId, Long afterSeq, Long beforeSeq, int limit) {
        Window window = requireMember(userId, conversationId);
        if (limit < 1 || limit > MAX_HISTORY) {
            throw ApiProblem.badRequest("validation_failed", "limit must be 1 to " + MAX_HISTORY);
        }
        if (afterSeq != null && beforeSeq != null) {
            throw ApiProblem.badRequest("validation_failed", "give afterSeq or beforeSeq, not both");
        }
        String select = "SELECT " + MessageRows.COLUMNS + " FROM messages WHERE conversation_id = ? AND seq > ?"
                + " AND seq <= ?";
        if (afterSeq != null) {
            return jdbc.query(
                    select + " AND seq > ? ORDER BY seq LIMIT ?",
                    MessageRows.FRAME,
                    conversationId,
                    window.after(),
                    window.upTo(),
                    afterSeq,
                    limit);
        }
        List<MsgFrame> newestFirst = beforeSeq != null
                ? jdbc.query(
                        select + " AND seq < ? ORDER BY seq DESC LIMIT ?",
                        MessageRows.FRAME,
                        conversationId,
                        window.after(),
                        window.upTo(),
                        beforeSeq,
                        limit)
                : jdbc.query(
                        select + " ORDER BY seq DESC LIMIT ?",
                        MessageRows.FRAME,
                        conversationId,
                        window.after(),
                        window.upTo(),
                        limit);
        List<MsgFrame> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The part of the conversation the user may read: seqs after {@code after}, up to {@code upTo}. */
    Window requireMember(long userId, String conversationId) {
        if (!ConversationIds.isWellFormed(conversationId)) {
            throw ApiProblem.badRequest("validation_failed", "not a conversation id");
        }
        List<Window> windows = jdbc.query(
                "SELECT m.joined_seq, COALESCE(m.left_seq, " + Long.MAX_VALUE + ") FROM conversation_members m"
                        + " WHERE m.user_id = ? AND m.conversation_id = ?",
                (rs, i) -> new Window(rs.getLong(1), rs.getLong(2)),
                userId,
                conversationId);
        if (windows.isEmpty()) {
            throw ApiProblem.notFound("conversation_not_found", "no such conversation of yours");
        }
        return windows.get(0);
    }

    record Window(long after, long upTo) {}
}
