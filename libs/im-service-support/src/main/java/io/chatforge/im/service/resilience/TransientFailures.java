package io.chatforge.im.service.resilience;

import feign.FeignException;
import feign.RetryableException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Which failures of a downstream call are worth a retry and count against its circuit breaker:
 * I/O errors, timeouts, 5xx and 429. A 4xx answer is the caller's problem and is passed through.
 */
final class TransientFailures {

    private TransientFailures() {}

    static boolean isTransient(Throwable failure) {
        if (failure instanceof RetryableException
                || failure instanceof IOException
                || failure instanceof UncheckedIOException) {
            return true;
        }
        if (failure instanceof FeignException feign) {
            int status = feign.status();
            return status < 0 || status >= 500 || status == 429;
        }
        return failure.getCause() instanceof IOException;
    }

    /** A call that got no answer in time: retrying it doubles the wait for whoever is waiting. */
    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
