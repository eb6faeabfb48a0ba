package io.chatforge.im.message.log;

import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.contracts.frame.Sender;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/** Reads stored messages as the frames clients get. */
final class MessageRows {
    static final String COLUMNS = "conversation_id, id, seq, sender_id, sender_device_id, kind, content, created_at";

    static final RowMapper<MsgFrame> FRAME = MessageRows::frame;

    private MessageRows() {}

    static MsgFrame frame(ResultSet rs, int row) throws SQLException {
        return new MsgFrame(
                rs.getString("conversation_id"),
                Long.toString(rs.getLong("id")),
                rs.getLong("seq"),
                new Sender(rs.getLong("sender_id"), rs.getString("sender_device_id")),
                new MessageBody(rs.getString("kind"), rs.getString("content")),
                rs.getLong("created_at"));
    }
}
