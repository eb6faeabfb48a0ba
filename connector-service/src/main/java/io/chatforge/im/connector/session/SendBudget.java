package io.chatforge.im.connector.session;

/**
 * A token bucket per connection for sends: {@code perSecond} sustained, twice that in a burst.
 * Over budget the frame is refused; too many refusals in a window mean flooding.
 */
public final class SendBudget {
    private final double perNano;
    private final double capacity;
    private final int strikeLimit;
    private final long strikeWindowNanos;
    private double tokens;
    private long refilledAt = System.nanoTime();
    private int strikes;
    private long strikeWindowStart = System.nanoTime();

    public SendBudget(int perSecond, int strikeLimit, long strikeWindowNanos) {
        this.perNano = perSecond / 1e9;
        this.capacity = perSecond * 2.0;
        this.tokens = capacity;
        this.strikeLimit = strikeLimit;
        this.strikeWindowNanos = strikeWindowNanos;
    }

    /** Takes {@code cost} tokens if there are that many. */
    public synchronized boolean tryTake(double cost) {
        long now = System.nanoTime();
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
        long now = System.nanoTime();
        if (now - strikeWindowStart > strikeWindowNanos) {
            strikeWindowStart = now;
            strikes = 0;
        }
        return ++strikes > strikeLimit;
    }
}
