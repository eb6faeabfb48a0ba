package io.chatforge.im.push.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a push again: doubling from {@code first}, with full jitter (so many failures at
 * once do not come back in step), never above {@code max}; a provider's Retry-After wins when it
 * asks for longer (up to {@code max}).
 */
final class Backoff {
    private final Duration first;
    private final Duration max;
    private final DoubleSupplier random;

    Backoff(Duration first, Duration max, DoubleSupplier random) {
        this.first = first;
        this.max = max;
        this.random = random;
    }

    /** The wait before attempt {@code attempt + 1}, after attempt {@code attempt} (1-based) failed. */
    Duration after(int attempt, Duration retryAfter) {
        long ceiling = Math.min(max.toMillis(), first.toMillis() << Math.min(20, attempt - 1));
        long jittered = (long) (ceiling / 2.0 + random.getAsDouble() * ceiling / 2.0);
        long wait = retryAfter == null ? jittered : Math.max(jittered, retryAfter.toMillis());
        return Duration.ofMillis(Math.min(wait, max.toMillis()));
    }
}
