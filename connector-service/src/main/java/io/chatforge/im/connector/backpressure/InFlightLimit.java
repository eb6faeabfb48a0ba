package io.chatforge.im.connector.backpressure;

/**
 * How many sends this connector lets be in flight (handed to Kafka, not yet answered with
 * {@code sent} or an error) before it refuses more. The cap adapts every window: it shrinks by a
 * tenth when the sends answered in the window took longer on average than tolerated, and grows by
 * a twentieth when it was the constraint (nearly reached) and they were quick. Tolerated is the
 * target, or twice the quickest recent window's average when the platform cannot be that quick even
 * unloaded (a busy or cold machine): the cap then still keeps the queue short instead of starving
 * the pipeline. So sends queue in the clients, which retry, instead of in Kafka, where a queue only
 * adds latency to everyone.
 */
public final class InFlightLimit {
    private final long targetNanos;
    private final long windowNanos;
    private final int min;
    private final int max;
    private int limit;
    private int inFlight;
    private int peak;
    private long windowStart;
    private long latencySum;
    private int samples;
    /** the quickest recent window's average answer time; drifts up 0.2 % a window (2 % a second) so it follows a platform that got slower */
    private long floor = Long.MAX_VALUE;

    public InFlightLimit(long targetNanos, long windowNanos, int initial, int min, int max, long now) {
        if (min < 1 || min > initial || initial > max) {
            throw new IllegalArgumentException("need 1 <= min <= initial <= max");
        }
        this.targetNanos = targetNanos;
        this.windowNanos = windowNanos;
        this.limit = initial;
        this.min = min;
        this.max = max;
        this.windowStart = now;
    }

    /** Takes a place for a send; false when the cap is reached. */
    public synchronized boolean tryAcquire(long now) {
        adapt(now);
        if (inFlight >= limit) {
            return false;
        }
        inFlight++;
        peak = Math.max(peak, inFlight);
        return true;
    }

    /** A send was answered after {@code latencyNanos}. */
    public synchronized void release(long latencyNanos, long now) {
        inFlight = Math.max(0, inFlight - 1);
        latencySum += latencyNanos;
        samples++;
        adapt(now);
    }

    /** A send never reached Kafka: its place is free, and it says nothing about latency. */
    public synchronized void abandon() {
        inFlight = Math.max(0, inFlight - 1);
    }

    public synchronized int limit() {
        return limit;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    /** The average answer time tolerated before the cap shrinks. */
    long tolerated() {
        return floor == Long.MAX_VALUE ? targetNanos : Math.max(targetNanos, 2 * floor);
    }

    private void adapt(long now) {
        if (now - windowStart < windowNanos) {
            return;
        }
        if (samples > 0) {
            long average = latencySum / samples;
            floor = Math.min(average, floor == Long.MAX_VALUE ? average : floor + floor / 500);
            if (average > tolerated()) {
                limit = Math.max(min, limit - Math.max(1, limit / 10));
            } else if (peak * 10L >= limit * 9L) {
                limit = Math.min(max, limit + Math.max(1, limit / 20));
            }
        }
        windowStart = now;
        latencySum = 0;
        samples = 0;
        peak = inFlight;
    }
}
