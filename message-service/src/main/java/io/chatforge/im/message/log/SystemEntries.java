package io.chatforge.im.message.log;

import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.contracts.frame.Sender;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Membership changes written into a conversation as messages of kind {@code system}, with their
 * own seq, so every device, online or syncing later, sees the same history.
 */
@Component
class SystemEntries {
    static final String DEVICE = "system";

    private final JdbcTemplate jdbc;
    private final Sequences sequences;
    private final MessageIds ids;
    private final JsonMapper json;

    SystemEntries(JdbcTemplate jdbc, Sequences sequences, MessageIds ids, JsonMapper json) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.ids = ids;
        this.json = json;
    }

    /** Appends {@code {event, actorId, ...details}}; the conversation stays locked until commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    public MsgFrame append(String conversationId, long actorId, String event, Map<String, Object> details) {
        long now = System.currentTimeMillis();
        long seq = sequences.lock(List.of(conversationId)).get(conversationId) + 1;
        long msgId = ids.next();
        var content = new java.util.LinkedHashMap<String, Object>();
        content.put("event", event);
        content.put("actorId", actorId);
        content.putAll(details);
        String text = json.writeValueAsString(content);
        jdbc.update(
                "INSERT INTO messages (conversation_id, seq, id, sender_id, sender_device_id, receiver_id,"
                        + " client_msg_id, kind, content, created_at) VALUES (?,?,?,?,?,NULL,?,?,?,?)",
                conversationId,
                seq,
                msgId,
                actorId,
                DEVICE,
                "sys-" + msgId,
                MessageBody.SYSTEM,
                text,
                now);
        sequences.advance(List.<Object[]>of(new Object[] {seq, now, conversationId}));
        // your own actions are never unread for you
        jdbc.update(
                "UPDATE conversation_members SET read_seq = GREATEST(read_seq, ?) WHERE user_id = ? AND conversation_id = ?",
                seq,
                actorId,
                conversationId);
        return new MsgFrame(
                conversationId,
                Long.toString(msgId),
                seq,
                new Sender(actorId, DEVICE),
                new MessageBody(MessageBody.SYSTEM, text),
                now);
    }
}
