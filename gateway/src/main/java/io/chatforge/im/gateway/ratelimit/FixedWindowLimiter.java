package io.chatforge.im.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts requests per key in fixed windows with one Redis round trip (INCR + PEXPIRE in a script).
 * When Redis is unreachable the request is let through: rate limits protect the platform, they
 * must not take it down.
 */
@Component
class FixedWindowLimiter {
    private static final Logger log = LoggerFactory.getLogger(FixedWindowLimiter.class);
    private static final RedisScript<List<Long>> HIT = RedisScript.of(
            "local n = redis.call('INCR', KEYS[1]) "
                    + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
                    + "return {n, redis.call('PTTL', KEYS[1])}",
            (Class<List<Long>>) (Class<?>) List.class);

    private final ReactiveStringRedisTemplate redis;

    FixedWindowLimiter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one request against {@code bucket:id}; empty when allowed, else how long to wait. */
    Mono<Duration> hit(String bucket, String id, RateLimitProperties.Limit limit) {
        String key = "im:gw:rl:" + bucket + ":" + id;
        return redis.execute(
                        HIT, List.of(key), List.of(Long.toString(limit.window().toMillis())))
                .next()
                .flatMap(result -> {
                    long count = result.get(0);
                    long ttl = result.get(1);
                    return count > limit.requests()
                            ? Mono.just(Duration.ofMillis(
                                    ttl > 0 ? ttl : limit.window().toMillis()))
                            : Mono.<Duration>empty();
                })
                .onErrorResume(e -> {
                    log.warn("rate limit {} not checked, Redis unavailable: {}", bucket, e.toString());
                    return Mono.empty();
                });
    }
}
