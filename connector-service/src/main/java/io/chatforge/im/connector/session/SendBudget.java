package io.chatforge.im.connector.session;

import java.util.function.LongSupplier;

/**
 * A token bucket per connection for every frame it sends: {@code perSecond} sustained, twice that
 * in a burst. Over budget the frame is refused; too many refusals in a window mean flooding. A
 * frame refused as invalid costs a full unit too, and too many of them in a window close it.
 */
public final class SendBudget {
    private final double perNano;
    private final double capacity;
    private final int strikeLimit;
    private final long strikeWindowNanos;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;
    private final int invalidLimit;
    private int strikes;
    private long strikeWindowStart;
    private int invalids;
    private long invalidWindowStart;

    public SendBudget(int perSecond, int strikeLimit, long strikeWindowNanos, int invalidLimit) {
        this(perSecond, strikeLimit, strikeWindowNanos, invalidLimit, System::nanoTime);
    }

    /** With its own clock, for tests that must not depend on how fast the machine is. */
    SendBudget(int perSecond, int strikeLimit, long strikeWindowNanos, int invalidLimit, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.refilledAt = nanoTime.getAsLong();
        this.strikeWindowStart = refilledAt;
        this.invalidWindowStart = refilledAt;
        this.perNano = perSecond / 1e9;
        this.capacity = perSecond * 2.0;
        this.tokens = capacity;
        this.strikeLimit = strikeLimit;
        this.strikeWindowNanos = strikeWindowNanos;
        this.invalidLimit = invalidLimit;
    }

    /**
     * Counts a frame refused as invalid (it costs a unit like a send, whatever is left); true when
     * there were more than the limit within the window and the client must be disconnected.
     */
    public synchronized boolean invalid() {
        tryTake(0);
        tokens = Math.max(0, tokens - 1.0);
        long now = nanoTime.getAsLong();
        if (now - invalidWindowStart > strikeWindowNanos) {
            invalidWindowStart = now;
            invalids = 0;
        }
        return ++invalids > invalidLimit;
    }

    /** Takes {@code cost} tokens if there are that many. */
    public synchronized boolean tryTake(double cost) {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens >= cost) {
            tokens -= cost;
            return true;
        }
        return false;
    }

    /** Counts a refused frame; true when the client is flooding and must be disconnected. */
    public synchronized boolean strike() {
        long now = nanoTime.getAsLong();
        if (now - strikeWindowStart > strikeWindowNanos) {
            strikeWindowStart = now;
            strikes = 0;
        }
        return ++strikes > strikeLimit;
    }
}
