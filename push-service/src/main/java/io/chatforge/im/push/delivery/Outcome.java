package io.chatforge.im.push.delivery;

import java.time.Duration;

/** A provider's answer to one push: delivered, the registration is gone, worth another try, or failed for good. */
public record Outcome(Kind kind, int status, Duration retryAfter) {
    public enum Kind {
        DELIVERED,
        GONE,
        RETRY,
        FAILED
    }

    /** The usual reading of an HTTP status of a push service. */
    public static Outcome ofStatus(int status, Duration retryAfter) {
        if (status >= 200 && status < 300) {
            return new Outcome(Kind.DELIVERED, status, null);
        }
        if (status == 404 || status == 410) {
            return new Outcome(Kind.GONE, status, null);
        }
        if (status == 429 || status >= 500) {
            return new Outcome(Kind.RETRY, status, retryAfter);
        }
        return new Outcome(Kind.FAILED, status, null);
    }

    /** No answer (timeout, connection refused): worth another try. */
    public static Outcome unreachable() {
        return new Outcome(Kind.RETRY, 0, null);
    }
}
