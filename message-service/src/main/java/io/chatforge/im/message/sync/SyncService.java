package io.chatforge.im.message.sync;

import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.contracts.frame.SyncPageFrame;
import io.chatforge.im.message.conversation.MessageRows;
import io.chatforge.im.service.web.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What a device missed: given the last seq it holds per conversation (absent: none), every later
 * message of every conversation of the user, in seq order, page by page. Sequence numbers are the
 * truth: a device that syncs with the cursors of each page gets each message exactly once.
 */
@Service
public class SyncService {
    static final int MAX_LIMIT = 500;

    private final JdbcTemplate jdbc;

    SyncService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public SyncPageFrame page(long userId, String ref, Map<String, Long> given, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badRequest("validation_failed", "limit must be 1 to " + MAX_LIMIT);
        }
        Map<String, Long> cursors = new LinkedHashMap<>();
        List<Behind> behind = new ArrayList<>();
        jdbc.query(
                "SELECT m.conversation_id, LEAST(c.last_seq, COALESCE(m.left_seq, c.last_seq)), m.joined_seq"
                        + " FROM conversation_members m"
                        + " JOIN conversations c ON c.id = m.conversation_id"
                        + " WHERE m.user_id = ? AND c.last_seq > 0 ORDER BY m.conversation_id",
                rs -> {
                    String id = rs.getString(1);
                    long last = rs.getLong(2);
                    long from = Math.max(given.getOrDefault(id, 0L), rs.getLong(3));
                    cursors.put(id, Math.min(from, last));
                    if (last > from) {
                        behind.add(new Behind(id, from, last));
                    }
                },
                userId);
        List<MsgFrame> messages = new ArrayList<>();
        boolean hasMore = false;
        for (Behind conversation : behind) {
            int room = limit - messages.size();
            if (room == 0) {
                hasMore = true;
                break;
            }
            List<MsgFrame> page = jdbc.query(
                    "SELECT " + MessageRows.COLUMNS + " FROM messages WHERE conversation_id = ? AND seq > ?"
                            + " AND seq <= ? ORDER BY seq LIMIT ?",
                    MessageRows.FRAME,
                    conversation.id(),
                    conversation.from(),
                    conversation.last(), // a former member reads up to their leaving, not beyond
                    room);
            messages.addAll(page);
            long reached = page.isEmpty()
                    ? conversation.from()
                    : page.get(page.size() - 1).seq();
            cursors.put(conversation.id(), reached);
            hasMore |= reached < conversation.last();
        }
        return new SyncPageFrame(ref, messages, cursors, hasMore);
    }

    private record Behind(String id, long from, long last) {}
}
