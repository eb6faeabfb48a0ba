package io.chatforge.im.service.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.function.Supplier;

/**
 * Runs a call to another service with retry inside a circuit breaker, both named after the
 * service. Only transient failures are retried and counted; when the breaker is open the call
 * fails at once with {@link io.github.resilience4j.circuitbreaker.CallNotPermittedException}.
 */
public class ResilientCalls {
    private final ResilienceProperties properties;
    private final CircuitBreakerRegistry circuitBreakers;
    private final RetryRegistry retries;

    public ResilientCalls(
            ResilienceProperties properties, CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
        this.properties = properties;
        this.circuitBreakers = circuitBreakers;
        this.retries = retries;
    }

    public <T> T call(String service, Supplier<T> call) {
        ResilienceProperties.Policy policy = properties.policy(service);
        Retry retry = retries.retry(service, () -> retryConfig(policy));
        CircuitBreaker breaker = circuitBreakers.circuitBreaker(service, () -> breakerConfig(policy));
        // retry outside, breaker inside: each attempt is one call the breaker sees, and an open
        // breaker is not retried (CallNotPermittedException is not transient)
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call))
                .get();
    }

    public void run(String service, Runnable call) {
        call(service, () -> {
            call.run();
            return null;
        });
    }

    private static RetryConfig retryConfig(ResilienceProperties.Policy policy) {
        return RetryConfig.custom()
                .maxAttempts(Math.max(1, policy.maxAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(policy.retryWait(), 2.0))
                .retryOnException(e ->
                        TransientFailures.isTransient(e) && (policy.retryTimeouts() || !TransientFailures.isTimeout(e)))
                .build();
    }

    private static CircuitBreakerConfig breakerConfig(ResilienceProperties.Policy policy) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(policy.failureRateThreshold())
                .slidingWindowSize(policy.slidingWindowSize())
                .minimumNumberOfCalls(policy.minimumCalls())
                .waitDurationInOpenState(policy.openStateWait())
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(TransientFailures::isTransient)
                .build();
    }
}
