package io.chatforge.im.friend.relation;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a pair's relation and version from the database in one statement (one snapshot). */
@Component
class RelationReader {
    private static final String SQL = "SELECT"
            + " COALESCE((SELECT version FROM pair_versions WHERE user_low = ? AND user_high = ?), 0),"
            + " EXISTS(SELECT 1 FROM friends WHERE user_id = ? AND friend_id = ?),"
            + " EXISTS(SELECT 1 FROM blocks WHERE blocker_id = ? AND blocked_id = ?),"
            + " EXISTS(SELECT 1 FROM blocks WHERE blocker_id = ? AND blocked_id = ?)";

    private final JdbcTemplate jdbc;

    RelationReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    VersionedRelation read(UserPair pair) {
        long low = pair.low();
        long high = pair.high();
        return jdbc.queryForObject(
                SQL,
                (rs, row) -> new VersionedRelation(
                        pair, rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)),
                low,
                high,
                low,
                high,
                low,
                high,
                high,
                low);
    }

    /** Pairs with a relation (friends or a block) after ({@code afterLow}, {@code afterHigh}), in order. */
    List<VersionedRelation> page(long afterLow, long afterHigh, int limit) {
        return jdbc.query(
                "SELECT p.low, p.high, COALESCE(v.version, 0),"
                        + " EXISTS(SELECT 1 FROM friends f WHERE f.user_id = p.low AND f.friend_id = p.high),"
                        + " EXISTS(SELECT 1 FROM blocks b WHERE b.blocker_id = p.low AND b.blocked_id = p.high),"
                        + " EXISTS(SELECT 1 FROM blocks b WHERE b.blocker_id = p.high AND b.blocked_id = p.low)"
                        + " FROM (SELECT user_id AS low, friend_id AS high FROM friends WHERE user_id < friend_id"
                        + " UNION SELECT LEAST(blocker_id, blocked_id), GREATEST(blocker_id, blocked_id) FROM blocks) p"
                        + " LEFT JOIN pair_versions v ON v.user_low = p.low AND v.user_high = p.high"
                        + " WHERE p.low > ? OR (p.low = ? AND p.high > ?) ORDER BY p.low, p.high LIMIT ?",
                (rs, row) -> new VersionedRelation(
                        new UserPair(rs.getLong(1), rs.getLong(2)),
                        rs.getLong(3),
                        rs.getBoolean(4),
                        rs.getBoolean(5),
                        rs.getBoolean(6)),
                afterLow,
                afterLow,
                afterHigh,
                limit);
    }
}
