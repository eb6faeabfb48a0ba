package io.chatforge.im.message.log;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which messages carry which media object ({@code message_media}, written with the messages and
 * emptied by recalls): a user may read an object when a message carrying it lies in what they may
 * read of its conversation (after they joined or cleared it, before they left).
 */
@Component
public class MediaReferences {
    private final JdbcTemplate jdbc;

    MediaReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean readable(long mediaId, long userId) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM message_media r JOIN conversation_members m"
                                + " ON m.conversation_id = r.conversation_id AND m.user_id = ?"
                                + " WHERE r.media_id = ? AND r.seq > GREATEST(m.joined_seq, m.cleared_seq)"
                                + " AND (m.left_seq IS NULL OR r.seq <= m.left_seq)"
                                + " AND NOT EXISTS (SELECT 1 FROM message_hidden h WHERE h.user_id = m.user_id"
                                + " AND h.conversation_id = r.conversation_id AND h.seq = r.seq) LIMIT 1",
                        Integer.class,
                        userId,
                        mediaId)
                .isEmpty();
    }

    public Set<Long> referenced(Collection<Long> mediaIds) {
        Set<Long> found = new HashSet<>();
        if (mediaIds.isEmpty()) {
            return found;
        }
        jdbc.query(
                "SELECT DISTINCT media_id FROM message_media WHERE media_id IN ("
                        + String.join(",", Collections.nCopies(mediaIds.size(), "?")) + ")",
                rs -> {
                    found.add(rs.getLong(1));
                },
                mediaIds.toArray());
        return found;
    }
}
