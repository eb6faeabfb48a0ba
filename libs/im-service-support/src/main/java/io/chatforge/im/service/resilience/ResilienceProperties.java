package io.chatforge.im.service.resilience;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retry and circuit-breaker policy per downstream service, e.g. {@code im.resilience.policies.user-service.max-attempts=3}.
 * Names without an entry get the defaults below.
 */
@ConfigurationProperties("im.resilience")
public record ResilienceProperties(@DefaultValue Map<String, Policy> policies) {

    public Policy policy(String name) {
        Policy policy = policies.get(name);
        return policy != null ? policy : Policy.DEFAULT;
    }

    /**
     * @param maxAttempts calls in all, the first one included
     * @param retryWait pause before the first retry; doubles each time
     * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
     * @param slidingWindowSize calls the failure rate is computed over
     * @param minimumCalls calls needed before the breaker may open
     * @param openStateWait how long an open breaker refuses calls before it tries again
     * @param retryTimeouts whether a call that timed out is tried again (false where a thread waits
     *     on it that others wait on, such as a Kafka consumer)
     */
    public record Policy(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("100ms") Duration retryWait,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("5s") Duration openStateWait,
            @DefaultValue("true") boolean retryTimeouts) {

        static final Policy DEFAULT = new Policy(3, Duration.ofMillis(100), 50, 20, 5, Duration.ofSeconds(5), true);
    }
}
