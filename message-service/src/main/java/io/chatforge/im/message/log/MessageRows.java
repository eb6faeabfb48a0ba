package io.chatforge.im.message.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;

/** Stored messages as rows; {@link MessageFolding} turns them into the frames clients get. */
final class MessageRows {
    private static final List<String> NAMES = List.of(
            "conversation_id",
            "id",
            "seq",
            "sender_id",
            "sender_device_id",
            "kind",
            "content",
            "created_at",
            "target_id",
            "reply_to_id",
            "mentions",
            "forwarded_from",
            "edited_text",
            "edited_at",
            "recalled_at",
            "media");

    static final String COLUMNS = columns("m");

    /** The columns of a row of {@code messages} under this table alias. */
    static String columns(String alias) {
        return NAMES.stream().map(name -> alias + "." + name).collect(Collectors.joining(", "));
    }

    /** Leaves out what another member deleted or cleared for themselves (never in their reads). */
    static final String NOT_HIDDEN_FROM_VIEWER = " AND NOT EXISTS (SELECT 1 FROM message_hidden h WHERE h.user_id = ?"
            + " AND h.conversation_id = m.conversation_id AND h.seq = m.seq)";

    /** Entries that change another message: in sync pages, in history only when asked for. */
    /** Content a member can have unread: texts and media messages. */
    static final String CONTENT_KINDS = "('text', 'image', 'file', 'audio', 'video')";

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
            Long recalledAt,
            String media) {}

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
                rs.getObject("recalled_at", Long.class),
                rs.getString("media"));
    }
}
