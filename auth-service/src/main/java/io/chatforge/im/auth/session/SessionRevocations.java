package io.chatforge.im.auth.session;

import io.chatforge.im.auth.token.TokenProperties;
import io.chatforge.im.security.RevokedSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Marks device sessions as revoked in Redis for one access-token lifetime, so that the gateway
 * and the services (im-security's RevokedSessionCheck) refuse access tokens that were issued before a logout and have not expired
 * yet. Refresh tokens are revoked in the database; this covers only the access tokens.
 */
@Component
public class SessionRevocations {
    private static final Logger log = LoggerFactory.getLogger(SessionRevocations.class);

    private final StringRedisTemplate redis;
    private final TokenProperties tokens;

    SessionRevocations(StringRedisTemplate redis, TokenProperties tokens) {
        this.redis = redis;
        this.tokens = tokens;
    }

    /**
     * The session is revoked in the database already; if Redis cannot be told, its access tokens
     * stay usable until they expire (minutes), which is logged rather than failed.
     */
    void revoke(String sessionId) {
        try {
            // a little longer than the token lifetime to cover clock skew
            redis.opsForValue()
                    .set(RevokedSessions.key(sessionId), "1", tokens.accessTtl().plusMinutes(1));
        } catch (RuntimeException e) {
            log.warn("could not mark session {} revoked in Redis: {}", sessionId, e.toString());
        }
    }
}
