package io.chatforge.im.gateway.security;

import io.chatforge.im.security.AccessTokenClaims;
import io.chatforge.im.security.RevokedSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies signature and claims, then refuses tokens whose device session was revoked (logout,
 * refresh-token reuse). If Redis cannot be asked, the token is accepted: access tokens live only
 * minutes, and an API that stops when a cache blinks would be worse.
 */
final class RevocationCheckingJwtDecoder implements ReactiveJwtDecoder {
    private static final Logger log = LoggerFactory.getLogger(RevocationCheckingJwtDecoder.class);

    private final ReactiveJwtDecoder verifier;
    private final ReactiveStringRedisTemplate redis;

    RevocationCheckingJwtDecoder(ReactiveJwtDecoder verifier, ReactiveStringRedisTemplate redis) {
        this.verifier = verifier;
        this.redis = redis;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return verifier.decode(token).flatMap(this::rejectRevoked);
    }

    private Mono<Jwt> rejectRevoked(Jwt jwt) {
        String sessionId = jwt.getClaimAsString(AccessTokenClaims.SESSION_ID);
        return redis.hasKey(RevokedSessions.key(sessionId))
                .onErrorResume(e -> {
                    log.warn("revocation check skipped, Redis unavailable: {}", e.toString());
                    return Mono.just(false);
                })
                .flatMap(revoked -> revoked ? Mono.error(new BadJwtException("session revoked")) : Mono.just(jwt));
    }
}
