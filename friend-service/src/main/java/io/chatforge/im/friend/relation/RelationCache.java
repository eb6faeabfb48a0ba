package io.chatforge.im.friend.relation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Relations cached in Redis as {@code version:flags}. Writes go through a compare-and-set on the
 * version, so whichever of a reader (filling a miss) and a writer (after its commit) comes last,
 * the newer relation wins. If Redis is unreachable, callers read the database instead.
 */
@Component
class RelationCache {
    private static final Logger log = LoggerFactory.getLogger(RelationCache.class);
    private static final RedisScript<Long> OFFER = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if current then
              local v = tonumber(string.match(current, '^(%d+):'))
              if v and v >= tonumber(ARGV[1]) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final RelationReader reader;
    private final Duration ttl;

    RelationCache(
            StringRedisTemplate redis,
            RelationReader reader,
            @Value("${im.friend.relation-cache-ttl:2m}") Duration ttl) {
        this.redis = redis;
        this.reader = reader;
        this.ttl = ttl;
    }

    Optional<VersionedRelation> get(UserPair pair) {
        try {
            return Optional.ofNullable(redis.opsForValue().get(key(pair))).map(v -> VersionedRelation.decode(pair, v));
        } catch (RuntimeException e) {
            log.warn("relation cache unavailable: {}", e.toString());
            return Optional.empty();
        }
    }

    /** One MGET for many pairs; a miss (or an unreachable Redis) is an empty element. */
    List<Optional<VersionedRelation>> getAll(List<UserPair> pairs) {
        List<Optional<VersionedRelation>> found = new ArrayList<>(pairs.size());
        try {
            List<String> values = redis.opsForValue()
                    .multiGet(pairs.stream().map(RelationCache::key).toList());
            for (int i = 0; i < pairs.size(); i++) {
                String value = values == null ? null : values.get(i);
                found.add(
                        value == null ? Optional.empty() : Optional.of(VersionedRelation.decode(pairs.get(i), value)));
            }
        } catch (RuntimeException e) {
            log.warn("relation cache unavailable: {}", e.toString());
            found.clear();
            pairs.forEach(p -> found.add(Optional.empty()));
        }
        return found;
    }

    void offer(VersionedRelation relation) {
        try {
            redis.execute(
                    OFFER,
                    List.of(key(relation.pair())),
                    Long.toString(relation.version()),
                    relation.encode(),
                    Long.toString(ttl.toMillis()));
        } catch (RuntimeException e) {
            log.warn("relation of {} not cached: {}", relation.pair(), e.toString());
        }
    }

    /** After the current transaction commits, caches the pair's new relation (once per pair). */
    void refreshAfterCommit(UserPair pair) {
        @SuppressWarnings("unchecked")
        Set<UserPair> pending = (Set<UserPair>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Set<UserPair> pairs = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, pairs);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                /**
                 * Drop the cached answers before the commit too: if the refresh after commit
                 * fails (Redis blip, crash), readers fall back to the database instead of
                 * trusting an entry that is about to be wrong.
                 */
                @Override
                public void beforeCommit(boolean readOnly) {
                    try {
                        redis.delete(pairs.stream().map(RelationCache::key).toList());
                    } catch (RuntimeException e) {
                        log.warn("relation cache not cleared before commit: {}", e.toString());
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(RelationCache.this);
                    if (status == STATUS_COMMITTED) {
                        pairs.forEach(p -> offer(reader.read(p)));
                    }
                }
            });
            pending = pairs;
        }
        pending.add(pair);
    }

    private static String key(UserPair pair) {
        return "im:rel:" + pair.low() + ":" + pair.high();
    }
}
