package io.chatforge.im.security.redis;

import io.chatforge.im.security.RevokedSessionCheck;
import io.chatforge.im.security.RevokedSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Reads the revocation marks auth-service writes. Fails open: if Redis cannot be asked the
 * token's own expiry (minutes) still limits it, and an API that stops when a cache blinks would
 * be worse.
 */
public class RedisRevokedSessionCheck implements RevokedSessionCheck {
    private static final Logger log = LoggerFactory.getLogger(RedisRevokedSessionCheck.class);
    private final StringRedisTemplate redis;

    public RedisRevokedSessionCheck(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public boolean isRevoked(String sessionId) {
        try {
            return sessionId != null && Boolean.TRUE.equals(redis.hasKey(RevokedSessions.key(sessionId)));
        } catch (RuntimeException e) {
            log.warn("revocation check skipped, Redis unavailable: {}", e.toString());
            return false;
        }
    }
}
