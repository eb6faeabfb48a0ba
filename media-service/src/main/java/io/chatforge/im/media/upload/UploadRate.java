package io.chatforge.im.media.upload;

import io.chatforge.im.service.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * New uploads per user and minute, counted in Redis so every instance shares the budget (a fixed
 * window keyed on the user the token names, whatever address the requests come from).
 */
@Component
class UploadRate {
    private final StringRedisTemplate redis;
    private final MediaLimits limits;
    private final Clock clock;

    UploadRate(StringRedisTemplate redis, MediaLimits limits, Clock clock) {
        this.redis = redis;
        this.limits = limits;
        this.clock = clock;
    }

    void take(long userId) {
        long minute = clock.millis() / 60_000;
        String key = "im:media:uploads:" + userId + ":" + minute;
        Long count = redis.opsForValue().increment(key);
        if (count != null && count == 1) {
            redis.expire(key, Duration.ofSeconds(90));
        }
        if (count != null && count > limits.uploadsPerMinute()) {
            long wait = 60 - (clock.millis() / 1000) % 60;
            throw ApiProblem.tooManyRequests(
                    "rate_limited",
                    "at most " + limits.uploadsPerMinute() + " uploads a minute",
                    Duration.ofSeconds(wait));
        }
    }
}
