package io.chatforge.im.auth.session;

import io.chatforge.im.auth.token.TokenProperties;
import io.chatforge.im.security.RevokedSessions;
import io.chatforge.im.security.RevokedSessions.Revocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the rest of the platform that a device session is revoked (the database says so already):
 * a Redis mark for one access-token lifetime, so the gateway and the services refuse its access
 * tokens, and a message on {@link RevokedSessions#CHANNEL}, on which every connector closes the
 * session's live sockets at once.
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
     * If Redis cannot be told, the access tokens stay usable until they expire (minutes) and open
     * sockets close when their token does: logged rather than failed, the revocation in the
     * database stands.
     */
    void revoke(long userId, String sessionId, DeviceSession.RevokeReason reason) {
        try {
            // a little longer than the token lifetime to cover clock skew
            redis.opsForValue()
                    .set(RevokedSessions.key(sessionId), "1", tokens.accessTtl().plusMinutes(1));
            redis.convertAndSend(RevokedSessions.CHANNEL, new Revocation(userId, sessionId, reason.code()).encode());
        } catch (RuntimeException e) {
            log.warn("could not announce the revocation of session {} in Redis: {}", sessionId, e.toString());
        }
    }
}
