package io.chatforge.im.message.log;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sequence numbers of conversations. Whoever appends (the inbound consumer, a group change)
 * locks the conversation rows first, in id order so two appenders never deadlock, reads the last
 * seq, and writes the new one in the same transaction: gap-free and never reused.
 */
@Component
class Sequences {
    private final JdbcTemplate jdbc;

    Sequences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the conversations until the transaction ends; returns their last seq. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Long> lock(Collection<String> conversationIds) {
        List<String> ordered = new ArrayList<>(conversationIds);
        Collections.sort(ordered);
        Map<String, Long> lastSeq = new HashMap<>();
        String marks = String.join(",", Collections.nCopies(ordered.size(), "?"));
        jdbc.query(
                "SELECT id, last_seq FROM conversations WHERE id IN (" + marks + ") ORDER BY id FOR UPDATE",
                rs -> {
                    lastSeq.put(rs.getString(1), rs.getLong(2));
                },
                ordered.toArray());
        return lastSeq;
    }

    /** Records the new last seq of each conversation (rows: seq, time, conversation id), in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void advance(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        RowsTable advanced = RowsTable.of(List.of("seq", "at", "id"), rows);
        jdbc.update(
                "UPDATE conversations c JOIN (" + advanced.sql() + ") v ON c.id = v.id"
                        + " SET c.last_seq = v.seq, c.last_message_at = v.at",
                advanced.args());
    }
}
