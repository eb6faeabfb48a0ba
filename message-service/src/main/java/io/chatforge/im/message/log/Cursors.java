package io.chatforge.im.message.log;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read and delivered cursors: they only move forward and never past the last message the member
 * may see (the conversation's last, or the one that says they left). Reading implies delivery.
 */
@Component
class Cursors {
    static final String READ = "read_seq";
    static final String DELIVERED = "delivered_seq";

    private final JdbcTemplate jdbc;

    Cursors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inside the caller's transaction; members only (moves of non-members are left out). */
    List<Cursor> move(List<CursorMove> moves, String column) {
        List<Cursor> after = new ArrayList<>();
        for (CursorMove move : moves) {
            var rows = jdbc.query(
                    "SELECT m." + column + ", LEAST(c.last_seq, COALESCE(m.left_seq, c.last_seq)), m.peer_id"
                            + " FROM conversation_members m"
                            + " JOIN conversations c ON c.id = m.conversation_id"
                            + " WHERE m.user_id = ? AND m.conversation_id = ? FOR UPDATE",
                    (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)},
                    move.userId(),
                    move.conversationId());
            if (rows.isEmpty()) {
                continue; // not a member (or nothing was ever sent there)
            }
            long current = rows.get(0)[0];
            long last = rows.get(0)[1];
            long next = next(current, move.seq(), last);
            if (next > current) {
                jdbc.update(
                        "UPDATE conversation_members SET " + column + " = ?"
                                + (READ.equals(column)
                                        ? ", delivered_seq = GREATEST(delivered_seq, ?)"
                                        : ", delivered_seq = ?")
                                + " WHERE user_id = ? AND conversation_id = ?",
                        next,
                        next,
                        move.userId(),
                        move.conversationId());
            }
            after.add(new Cursor(move, next, last, rows.get(0)[2], next > current));
        }
        return after;
    }

    /** Forward only, and never past what the member may see. */
    static long next(long current, long wanted, long lastVisible) {
        return Math.max(current, Math.min(wanted, lastVisible));
    }
}
