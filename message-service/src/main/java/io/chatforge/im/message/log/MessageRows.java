package io.chatforge.im.message.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/** Stored messages as rows; {@link MessageFolding} turns them into the frames clients get. */
final class MessageRows {
    static final String COLUMNS = "m.conversation_id, m.id, m.seq, m.sender_id, m.sender_device_id, m.kind, m.content,"
            + " m.created_at, m.target_id, m.reply_to_id, m.mentions, m.forwarded_from, m.edited_text, m.edited_at,"
            + " m.recalled_at";

    /** Leaves out what another member deleted or cleared for themselves (never in their reads). */
    static final String NOT_HIDDEN_FROM_VIEWER = " AND NOT EXISTS (SELECT 1 FROM message_hidden h WHERE h.user_id = ?"
            + " AND h.conversation_id = m.conversation_id AND h.seq = m.seq)";

    /** Entries that change another message: in sync pages, in history only when asked for. */
    static final String NOT_A_CHANGE = " AND m.kind NOT IN ('edit', 'recall', 'reaction')";

    static final RowMapper<Row> ROW = MessageRows::row;

    private MessageRows() {}

    /** One row of {@code messages}, as stored. */
    record Row(
            String conversationId,
            long id,
            long seq,
            long senderId,
            String senderDeviceId,
            String kind,
            String content,
            long createdAt,
            Long targetId,
            Long replyToId,
            String mentions,
            Long forwardedFrom,
            String editedText,
            Long editedAt,
            Long recalledAt) {}

    static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(
                rs.getString("conversation_id"),
                rs.getLong("id"),
                rs.getLong("seq"),
                rs.getLong("sender_id"),
                rs.getString("sender_device_id"),
                rs.getString("kind"),
                rs.getString("content"),
                rs.getLong("created_at"),
                rs.getObject("target_id", Long.class),
                rs.getObject("reply_to_id", Long.class),
                rs.getString("mentions"),
                rs.getObject("forwarded_from", Long.class),
                rs.getString("edited_text"),
                rs.getObject("edited_at", Long.class),
                rs.getObject("recalled_at", Long.class));
    }
}
