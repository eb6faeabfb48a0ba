package io.chatforge.im.auth.session;

import io.chatforge.im.auth.token.TokenProperties;
import io.chatforge.im.security.RevokedSessions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Marks device sessions as revoked in Redis for one access-token lifetime, so that the gateway
 * (and auth-service itself) refuse access tokens that were issued before a logout and have not
 * expired yet. Refresh tokens are revoked in the database; this covers only the access tokens.
 */
@Component
public class SessionRevocations {
    private final StringRedisTemplate redis;
    private final TokenProperties tokens;

    SessionRevocations(StringRedisTemplate redis, TokenProperties tokens) {
        this.redis = redis;
        this.tokens = tokens;
    }

    void revoke(String sessionId) {
        // a little longer than the token lifetime to cover clock skew
        redis.opsForValue()
                .set(RevokedSessions.key(sessionId), "1", tokens.accessTtl().plusMinutes(1));
    }

    public boolean isRevoked(String sessionId) {
        return sessionId != null && Boolean.TRUE.equals(redis.hasKey(RevokedSessions.key(sessionId)));
    }
}
