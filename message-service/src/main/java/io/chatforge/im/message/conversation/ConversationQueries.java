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
                "SELECT m.conversation_id, c.kind, m.peer_id, c.last_seq, m.read_seq,"
                        + " msg.id, msg.seq, msg.sender_id, msg.sender_device_id, msg.kind, msg.content, msg.created_at"
                        + " FROM conversation_members m"
                        + " JOIN conversations c ON c.id = m.conversation_id"
                        + " LEFT JOIN messages msg ON msg.conversation_id = c.id AND msg.seq = c.last_seq"
                        + " WHERE m.user_id = ? AND c.last_seq > 0"
                        + " ORDER BY c.last_message_at DESC, c.id LIMIT ? OFFSET ?",
                (rs, i) -> {
                    MsgFrame last = rs.getObject("id") == null ? null : MessageRows.frame(rs, i);
                    long lastSeq = rs.getLong("last_seq");
                    long readSeq = rs.getLong("read_seq");
                    return new ConversationView(
                            rs.getString("conversation_id"),
                            rs.getString("kind"),
                            new ConversationView.Peer(rs.getLong("peer_id")),
                            lastSeq,
                            readSeq,
                            Math.max(0, lastSeq - readSeq),
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
        requireMember(userId, conversationId);
        if (limit < 1 || limit > MAX_HISTORY) {
            throw ApiProblem.badRequest("validation_failed", "limit must be 1 to " + MAX_HISTORY);
        }
        if (afterSeq != null && beforeSeq != null) {
            throw ApiProblem.badRequest("validation_failed", "give afterSeq or beforeSeq, not both");
        }
        String select = "SELECT " + MessageRows.COLUMNS + " FROM messages WHERE conversation_id = ?";
        if (afterSeq != null) {
            return jdbc.query(
                    select + " AND seq > ? ORDER BY seq LIMIT ?", MessageRows.FRAME, conversationId, afterSeq, limit);
        }
        List<MsgFrame> newestFirst = beforeSeq != null
                ? jdbc.query(
                        select + " AND seq < ? ORDER BY seq DESC LIMIT ?",
                        MessageRows.FRAME,
                        conversationId,
                        beforeSeq,
                        limit)
                : jdbc.query(select + " ORDER BY seq DESC LIMIT ?", MessageRows.FRAME, conversationId, limit);
        List<MsgFrame> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    void requireMember(long userId, String conversationId) {
        if (!ConversationIds.isWellFormed(conversationId)) {
            throw ApiProblem.badRequest("validation_failed", "not a conversation id");
        }
        Integer member = jdbc.queryForObject(
                "SELECT COUNT(*) FROM conversation_members WHERE user_id = ? AND conversation_id = ?",
                Integer.class,
                userId,
                conversationId);
        if (member == null || member == 0) {
            throw ApiProblem.notFound("conversation_not_found", "no such conversation of yours");
        }
    }
}
