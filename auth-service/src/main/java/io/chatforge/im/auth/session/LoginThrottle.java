package io.chatforge.im.auth.session;

import io.chatforge.im.service.web.ApiProblem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account, keyed by the canonical username (so "ALICE", " alice" and
 * "ａｌｉｃｅ" count as one), in Redis. After {@code maxFailures} within the window,
 * further attempts get 429 until the window ends, whether the password is right or not, and
 * whether the username exists or not (so the answer reveals nothing). Without Redis nobody can
 * tell how often a username failed, so login fails closed with 503.
 */
@Component
class LoginThrottle {
    private static final RedisScript<Long> COUNT_FAILURE = RedisScript.of(
            "local n = redis.call('INCR', KEYS[1]) "
                    + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
                    + "return n",
            Long.class);

    private final StringRedisTemplate redis;
    private final Settings settings;

    LoginThrottle(StringRedisTemplate redis, Settings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    void checkAllowed(String username) {
        String key = key(username);
        try {
            String failures = redis.opsForValue().get(key);
            if (failures == null || Long.parseLong(failures) < settings.maxFailures()) {
                return;
            }
            Long ttlMillis = redis.getExpire(key, TimeUnit.MILLISECONDS);
            Duration retryAfter = ttlMillis == null || ttlMillis < 0 ? settings.window() : Duration.ofMillis(ttlMillis);
            throw ApiProblem.tooManyRequests(
                    "too_many_login_attempts", "too many failed logins; try again later", retryAfter);
        } catch (ApiProblem problem) {
            throw problem;
        } catch (RuntimeException redisDown) {
            throw unavailable();
        }
    }

    void recordFailure(String username) {
        try {
            redis.execute(
                    COUNT_FAILURE,
                    List.of(key(username)),
                    Long.toString(settings.window().toMillis()));
        } catch (RuntimeException redisDown) {
            throw unavailable();
        }
    }

    void recordSuccess(String username) {
        try {
            redis.delete(key(username));
        } catch (RuntimeException ignored) {
            // the failures expire on their own
        }
    }

    private static ApiProblem unavailable() {
        return ApiProblem.unavailable(
                "login_unavailable", "login is unavailable right now; try again", Duration.ofSeconds(5));
    }

    /** {@code username} is canonical already. */
    private static String key(String username) {
        return "im:auth:login-failures:" + username;
    }

    @ConfigurationProperties("im.auth.login-throttle")
    record Settings(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") Duration window) {}
}
