package io.chatforge.im.friend.relation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises changes of one pair of users: the first statement of every change bumps the pair's
 * version row, which holds its lock until the transaction ends. After commit the new relation is
 * offered to the cache with that version, so an older answer can never overwrite a newer one.
 */
@Component
public class PairLocks {
    private final JdbcTemplate jdbc;
    private final RelationCache cache;

    PairLocks(JdbcTemplate jdbc, RelationCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(long a, long b) {
        UserPair pair = UserPair.of(a, b);
        jdbc.update(
                "INSERT INTO pair_versions (user_low, user_high, version) VALUES (?, ?, 1)"
                        + " ON DUPLICATE KEY UPDATE version = version + 1",
                pair.low(),
                pair.high());
        cache.refreshAfterCommit(pair);
    }

    /** The pair's version as this transaction sees it: after {@link #lock}, the one of this change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long version(long a, long b) {
        UserPair pair = UserPair.of(a, b);
        Long version = jdbc
                .query(
                        "SELECT version FROM pair_versions WHERE user_low = ? AND user_high = ?",
                        (rs, row) -> rs.getLong(1),
                        pair.low(),
                        pair.high())
                .stream()
                .findFirst()
                .orElse(0L);
        return version;
    }
}
