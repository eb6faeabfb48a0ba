package io.chatforge.im.message.log;

import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read which part of a conversation: a member reads after the seq they joined at and,
 * once they left, up to the seq of the message that says so. Rejoining starts a new window.
 */
@Component
class Memberships {
    private final JdbcTemplate jdbc;

    Memberships(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void join(String conversationId, Collection<Long> userIds, long joinedSeq, long now) {
        jdbc.batchUpdate(
                "INSERT INTO conversation_members (user_id, conversation_id, joined_seq, read_seq, delivered_seq,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE joined_seq = VALUES(joined_seq),"
                        + " left_seq = NULL, read_seq = GREATEST(read_seq, VALUES(read_seq)),"
                        + " delivered_seq = GREATEST(delivered_seq, VALUES(delivered_seq))",
                userIds.stream()
                        .map(u -> new Object[] {u, conversationId, joinedSeq, joinedSeq, joinedSeq, now})
                        .toList());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void leave(String conversationId, Collection<Long> userIds, long leftSeq) {
        jdbc.batchUpdate(
                "UPDATE conversation_members SET left_seq = ? WHERE user_id = ? AND conversation_id = ?",
                userIds.stream()
                        .map(u -> new Object[] {leftSeq, u, conversationId})
                        .toList());
    }
}
