package io.chatforge.im.message.group;

import io.chatforge.im.contracts.frame.ErrorCodes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may write to a group right now, for a whole batch of sends in one query: current members
 * of a group that is not dissolved, not muted themselves, and not silenced by "mute all" unless
 * they manage the group.
 */
@Component
public class GroupGate {
    private final JdbcTemplate jdbc;

    GroupGate(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** For each (group, sender): whether they may write (else the error code) and whether they manage it. */
    public Map<Writer, Verdict> check(Collection<Writer> writers) {
        Map<Writer, Verdict> refusals = new HashMap<>();
        if (writers.isEmpty()) {
            return refusals;
        }
        writers.forEach(w -> refusals.put(w, new Verdict(ErrorCodes.NOT_A_MEMBER, false)));
        List<Object> args = new ArrayList<>();
        writers.forEach(w -> {
            args.add(w.groupId());
            args.add(w.userId());
        });
        long now = System.currentTimeMillis();
        jdbc.query(
                "SELECT m.group_id, m.user_id, m.role, m.muted_until, g.muted_all, g.dissolved_at FROM group_members m"
                        + " JOIN chat_groups g ON g.id = m.group_id WHERE (m.group_id, m.user_id) IN ("
                        + String.join(",", Collections.nCopies(writers.size(), "(?,?)")) + ")",
                rs -> {
                    Writer writer = new Writer(rs.getLong(1), rs.getLong(2));
                    Role role = Role.valueOf(rs.getString(3));
                    long mutedUntil = rs.getLong(4);
                    boolean muted = !rs.wasNull() && mutedUntil > now;
                    boolean mutedAll = rs.getBoolean(5) && !role.manages();
                    rs.getLong(6);
                    boolean dissolved = !rs.wasNull();
                    refusals.put(
                            writer,
                            new Verdict(
                                    dissolved ? ErrorCodes.NOT_A_MEMBER : (muted || mutedAll) ? ErrorCodes.MUTED : null,
                                    !dissolved && role.manages()));
                },
                args.toArray());
        return refusals;
    }

    public record Writer(long groupId, long userId) {}

    /** {@code refusal}: null when the writer may write; {@code manages}: owner or admin. */
    public record Verdict(String refusal, boolean manages) {}
}
