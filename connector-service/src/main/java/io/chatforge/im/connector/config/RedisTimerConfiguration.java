package io.chatforge.im.connector.config;

import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce times out every Redis command on one wheel timer, which by default ticks ten times a
 * second even when nothing is pending: with 10,000 idle connections that was a tenth of the
 * connector's CPU (docs/benchmarks.md). Two ticks a second keep the 2 s command timeout (it fires
 * within 2.0-2.5 s) at a fifth of the wake-ups.
 */
@Configuration(proxyBeanMethods = false)
class RedisTimerConfiguration {
    static final long TICK_MILLIS = 500;

    @Bean
    ClientResourcesBuilderCustomizer slowerRedisTimer() {
        return builder -> builder.timer(new HashedWheelTimer(
                new DefaultThreadFactory("lettuce-timer", true), TICK_MILLIS, TimeUnit.MILLISECONDS));
    }
}
