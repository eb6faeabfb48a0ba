package io.chatforge.im.service.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResilientCallsTest {

    private static ResilientCalls calls(boolean retryTimeouts) {
        return calls(retryTimeouts, 10);
    }

    private static ResilientCalls calls(boolean retryTimeouts, int minimumCalls) {
        var policy = new ResilienceProperties.Policy(
                3, Duration.ofMillis(1), 50, 10, minimumCalls, Duration.ofSeconds(30), retryTimeouts);
        return new ResilientCalls(
                new ResilienceProperties(Map.of("svc", policy)),
                CircuitBreakerRegistry.ofDefaults(),
                RetryRegistry.ofDefaults());
    }

    @Test
    void aTimeout_isNotRetried_whenThePolicySaysSo_butAConnectFailureIs() {
        var calls = calls(false);
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> calls.call("svc", () -> {
                    attempts.incrementAndGet();
                    throw new UncheckedIOException(new SocketTimeoutException("Read timed out"));
                }))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(attempts).hasValue(1);

        attempts.set(0);
        assertThatThrownBy(() -> calls.call("svc", () -> {
                    attempts.incrementAndGet();
                    throw new UncheckedIOException(new ConnectException("refused"));
                }))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void timeouts_countAgainstTheBreaker_whichThenFailsFast() {
        var calls = calls(false, 3);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> calls.call("svc", () -> {
                        throw new UncheckedIOException(new SocketTimeoutException("Read timed out"));
                    }))
                    .isInstanceOf(UncheckedIOException.class);
        }
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> calls.call("svc", attempts::incrementAndGet))
                .isInstanceOf(CallNotPermittedException.class);
        assertThat(attempts).hasValue(0);
    }

    @Test
    void byDefault_timeoutsAreRetried() {
        var calls = calls(true);
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> calls.call("svc", () -> {
                    attempts.incrementAndGet();
                    throw new UncheckedIOException(new SocketTimeoutException("Read timed out"));
                }))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(attempts).hasValue(3);
    }
}
