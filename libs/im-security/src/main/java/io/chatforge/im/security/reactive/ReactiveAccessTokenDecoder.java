package io.chatforge.im.security.reactive;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jwt.SignedJWT;
import io.chatforge.im.security.AccessTokenClaims;
import io.chatforge.im.security.AccessTokenValidators;
import io.chatforge.im.security.JwksCache;
import io.chatforge.im.security.RevokedSessions;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Access-token verification for reactive components (gateway, connector): signature against the
 * JWKS ({@link JwksCache}: refreshed every few minutes, refetched for an unknown kid at most once per
 * interval), the shared claim checks, then the revoked-session
 * mark in Redis. If Redis cannot be asked the token is accepted: access tokens live only minutes,
 * and an edge that stops when a cache blinks would be worse.
 */
public final class ReactiveAccessTokenDecoder implements ReactiveJwtDecoder {
    private static final Logger log = LoggerFactory.getLogger(ReactiveAccessTokenDecoder.class);

    private final ReactiveJwtDecoder verifier;
    private final ReactiveStringRedisTemplate redis;

    public ReactiveAccessTokenDecoder(
            JwksCache keys, String issuer, Duration clockSkew, ReactiveStringRedisTemplate redis) {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSource(jwt -> keysFor(keys, jwt))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        nimbus.setJwtValidator(AccessTokenValidators.of(issuer, clockSkew));
        this.verifier = nimbus;
        this.redis = redis;
    }

    /** From memory when the keys are known and fresh; a fetch (blocking I/O) off the network threads. */
    private static Flux<JWK> keysFor(JwksCache keys, SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        List<JWK> cached = keys.cached(selector);
        if (cached != null) {
            return Flux.fromIterable(cached);
        }
        return Mono.fromCallable(() -> keys.get(selector, null))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable);
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
