package io.chatforge.im.friend.relation;

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
}
