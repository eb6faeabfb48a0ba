package io.chatforge.im.message.log;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A member's own settings of a conversation: muted, pinned (with when, for the order of pins). */
@Component
public class MemberSettings {
    private final JdbcTemplate jdbc;

    MemberSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Changes what is given (null: unchanged); the settings afterwards, or null when not a member. */
    public Settings change(long userId, String conversationId, Boolean muted, Boolean pinned) {
        long now = System.currentTimeMillis();
        if (muted != null) {
            jdbc.update(
                    "UPDATE conversation_members SET muted = ? WHERE user_id = ? AND conversation_id = ?",
                    muted,
                    userId,
                    conversationId);
        }
        if (pinned != null) {
            // pinning again keeps the first pin's place
            jdbc.update(
                    "UPDATE conversation_members SET pinned_at = CASE WHEN ? THEN COALESCE(pinned_at, ?) END"
                            + " WHERE user_id = ? AND conversation_id = ?",
                    pinned,
                    now,
                    userId,
                    conversationId);
        }
        List<Settings> after = jdbc.query(
                "SELECT muted, pinned_at FROM conversation_members WHERE user_id = ? AND conversation_id = ?",
                (rs, i) -> new Settings(rs.getBoolean(1), rs.getObject(2) != null),
                userId,
                conversationId);
        return after.isEmpty() ? null : after.get(0);
    }

    /** A member's settings of one conversation. */
    public record Settings(boolean muted, boolean pinned) {}
}
