package io.chatforge.im.message.log;

import io.chatforge.im.contracts.frame.MsgFrame;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of the conversation log as one user sees it: their conversations (pinned first, unread
 * counted by the rules of {@link #UNREAD}), their windows, and ranges of messages with each
 * message's state folded in and what they deleted for themselves left out.
 */
@Component
public class LogQueries {
    /** The last seq a member may see: the conversation's last, or their leaving. */
    private static final String VISIBLE = "LEAST(c.last_seq, COALESCE(m.left_seq, c.last_seq))";

    /** Where a member's reading starts: after joining, after clearing. */
    private static final String START = "GREATEST(m.joined_seq, m.cleared_seq)";

    private static final String HIDDEN_FROM_MEMBER =
            "EXISTS (SELECT 1 FROM message_hidden h WHERE h.user_id = m.user_id"
                    + " AND h.conversation_id = x.conversation_id AND h.seq = x.seq)";

    /**
     * Unread: texts (forwards included) from others after the read cursor, not recalled, not
     * deleted by the reader; clearing moves the cursor. Changes and system entries never count.
     */
    static final String UNREAD = "(SELECT COUNT(*) FROM messages x WHERE x.conversation_id = m.conversation_id"
            + " AND x.seq > GREATEST(m.read_seq, " + START + ") AND x.seq <= " + VISIBLE
            + " AND x.kind IN " + MessageRows.CONTENT_KINDS
            + " AND x.sender_id <> m.user_id AND x.recalled_at IS NULL AND NOT "
            + HIDDEN_FROM_MEMBER + ")";

    /** Unread messages that mention the reader, or everyone. */
    static final String UNREAD_MENTIONS = "(SELECT COUNT(DISTINCT x.seq) FROM message_mentions mm"
            + " JOIN messages x ON x.conversation_id = mm.conversation_id AND x.seq = mm.seq"
            + " WHERE mm.conversation_id = m.conversation_id AND mm.user_id IN (m.user_id, 0)"
            + " AND x.seq > GREATEST(m.read_seq, " + START + ") AND x.seq <= " + VISIBLE
            + " AND x.sender_id <> m.user_id AND x.recalled_at IS NULL AND NOT " + HIDDEN_FROM_MEMBER + ")";

    /** The newest entry a member sees in the list: not a change, not deleted by them. */
    private static final String LAST_SHOWN = "(SELECT MAX(x.seq) FROM messages x WHERE x.conversation_id = c.id"
            + " AND x.seq > " + START + " AND x.seq <= " + VISIBLE
            + " AND x.kind NOT IN ('edit', 'recall', 'reaction') AND NOT " + HIDDEN_FROM_MEMBER + ")";

    private final JdbcTemplate jdbc;
    private final MessageFolding folding;

    LogQueries(JdbcTemplate jdbc, MessageFolding folding) {
        this.jdbc = jdbc;
        this.folding = folding;
    }

    /** A page of the user's conversations with anything to see: pinned first, then by recent activity. */
    public List<Membership> conversations(long userId, long offset, int limit) {
        List<Membership> rows = jdbc.query(
                "SELECT m.conversation_id, c.kind AS conv_kind, m.peer_id, m.read_seq, m.left_seq, m.muted, m.pinned_at,"
                        + " pm.read_seq AS peer_read_seq, " + VISIBLE + " AS visible_seq, "
                        + UNREAD + " AS unread, " + UNREAD_MENTIONS + " AS unread_mentions, "
                        + MessageRows.columns("msg")
                        + " FROM conversation_members m"
                        + " JOIN conversations c ON c.id = m.conversation_id"
                        + " LEFT JOIN conversation_members pm ON c.kind = 'direct'"
                        + " AND pm.conversation_id = m.conversation_id AND pm.user_id = m.peer_id"
                        + " LEFT JOIN messages msg ON msg.conversation_id = c.id AND msg.seq = " + LAST_SHOWN
                        + " WHERE m.user_id = ? AND c.kind <> 'self' AND c.last_seq > m.joined_seq"
                        + " ORDER BY m.pinned_at IS NULL, m.pinned_at DESC, c.last_message_at DESC, c.id LIMIT ? OFFSET ?",
                (rs, i) -> {
                    boolean direct = "direct".equals(rs.getString("conv_kind"));
                    return new Membership(
                            rs.getString("conversation_id"),
                            rs.getString("conv_kind"),
                            rs.getLong("visible_seq"),
                            rs.getLong("read_seq"),
                            rs.getObject("left_seq") != null,
                            direct ? rs.getLong("peer_id") : null,
                            direct ? rs.getLong("peer_read_seq") : null,
                            null,
                            rs.getLong("unread"),
                            rs.getLong("unread_mentions"),
                            rs.getBoolean("muted"),
                            rs.getObject("pinned_at") != null,
                            rs.getObject("id") == null ? null : MessageRows.row(rs, i));
                },
                userId,
                limit,
                offset);
        List<MessageRows.Row> last =
                rows.stream().map(Membership::lastRow).filter(Objects::nonNull).toList();
        List<MsgFrame> frames = folding.frames(last, userId);
        List<Membership> out = new ArrayList<>(rows.size());
        int next = 0;
        for (Membership row : rows) {
            out.add(row.lastRow() == null ? row : row.withLastMessage(frames.get(next++)));
        }
        return out;
    }

    /** Which of these (userId, conversationId) pairs the user muted (their own setting), in one query. */
    public Set<List<Object>> mutedAmong(Collection<List<Object>> pairs) {
        Set<List<Object>> muted = new HashSet<>();
        if (pairs.isEmpty()) {
            return muted;
        }
        List<Object> args = new ArrayList<>();
        pairs.forEach(args::addAll);
        jdbc.query(
                "SELECT user_id, conversation_id FROM conversation_members WHERE muted AND (user_id, conversation_id) IN ("
                        + String.join(",", Collections.nCopies(pairs.size(), "(?,?)")) + ")",
                rs -> {
                    muted.add(List.of(rs.getLong(1), rs.getString(2)));
                },
                args.toArray());
        return muted;
    }

    /** Everything the user has not read, in all their conversations: a notification's badge. */
    public long totalUnread(long userId) {
        Long total = jdbc.queryForObject(
                "SELECT COALESCE(SUM(" + UNREAD + "), 0) FROM conversation_members m"
                        + " JOIN conversations c ON c.id = m.conversation_id"
                        + " WHERE m.user_id = ? AND c.kind <> 'self' AND c.last_seq > m.joined_seq",
                Long.class,
                userId);
        return total == null ? 0 : total;
    }

    /** How many messages of the conversation the member has not read, by the rules of {@link #UNREAD}. */
    public long unread(long userId, String conversationId) {
        List<Long> counts = jdbc.queryForList(
                "SELECT " + UNREAD + " FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id"
                        + " WHERE m.user_id = ? AND m.conversation_id = ?",
                Long.class,
                userId,
                conversationId);
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    /**
     * Every conversation of the user with messages, in id order: its id, the seq the user's
     * reading starts after (joining, clearing) and the last seq they may see (a former member's
     * ends at their leaving). Their own conversation ({@code u_<id>}) is among them.
     */
    public List<Window> windows(long userId) {
        return jdbc.query(
                "SELECT m.conversation_id, " + START + ", " + VISIBLE
                        + " FROM conversation_members m"
                        + " JOIN conversations c ON c.id = m.conversation_id"
                        + " WHERE m.user_id = ? AND c.last_seq > 0 ORDER BY m.conversation_id",
                (rs, i) -> new Window(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                userId);
    }

    /** The part of one conversation the user may read, if they are (or were) a member. */
    public Optional<Window> window(long userId, String conversationId) {
        return jdbc
                .query(
                        "SELECT " + START + ", COALESCE(m.left_seq, " + Long.MAX_VALUE + ") FROM conversation_members m"
                                + " WHERE m.user_id = ? AND m.conversation_id = ?",
                        (rs, i) -> new Window(conversationId, rs.getLong(1), rs.getLong(2)),
                        userId,
                        conversationId)
                .stream()
                .findFirst();
    }

    /**
     * Entries after {@code afterSeq} up to {@code upToSeq}, oldest first, at most {@code limit}, as
     * {@code viewer} sees them; changes (edit, recall, reaction) only when {@code withChanges}.
     */
    public List<MsgFrame> oldestAfter(
            long viewer, String conversationId, long afterSeq, long upToSeq, int limit, boolean withChanges) {
        return folding.frames(
                jdbc.query(
                        "SELECT " + MessageRows.COLUMNS + " FROM messages m WHERE m.conversation_id = ? AND m.seq > ?"
                                + " AND m.seq <= ?" + (withChanges ? "" : MessageRows.NOT_A_CHANGE)
                                + MessageRows.NOT_HIDDEN_FROM_VIEWER + " ORDER BY m.seq LIMIT ?",
                        MessageRows.ROW,
                        conversationId,
                        afterSeq,
                        upToSeq,
                        viewer,
                        limit),
                viewer);
    }

    /**
     * The newest entries after {@code afterSeq}, up to {@code upToSeq} and before {@code beforeSeq},
     * returned oldest first, as {@code viewer} sees them.
     */
    public List<MsgFrame> newestBefore(
            long viewer,
            String conversationId,
            long afterSeq,
            long upToSeq,
            long beforeSeq,
            int limit,
            boolean withChanges) {
        List<MessageRows.Row> rows = new ArrayList<>(jdbc.query(
                "SELECT " + MessageRows.COLUMNS + " FROM messages m WHERE m.conversation_id = ? AND m.seq > ?"
                        + " AND m.seq <= ? AND m.seq < ?" + (withChanges ? "" : MessageRows.NOT_A_CHANGE)
                        + MessageRows.NOT_HIDDEN_FROM_VIEWER + " ORDER BY m.seq DESC LIMIT ?",
                MessageRows.ROW,
                conversationId,
                afterSeq,
                upToSeq,
                beforeSeq,
                viewer,
                limit));
        Collections.reverse(rows);
        return folding.frames(rows, viewer);
    }
}
