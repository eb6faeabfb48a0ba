package io.chatforge.im.push.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

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

    /**
     * Sends a provider's request and reads its answer: {@code gone} recognises the provider's own
     * way of saying the token is no longer valid; no answer at all is worth another try.
     */
    public static Outcome exchange(HttpClient http, HttpRequest request, Predicate<HttpResponse<String>> gone) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (gone.test(response)) {
                return new Outcome(Kind.GONE, response.statusCode(), null);
            }
            return ofStatus(
                    response.statusCode(), RetryAfter.of(response.headers().firstValue("Retry-After")));
        } catch (IOException e) {
            return unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable();
        }
    }

    /** No answer (timeout, connection refused): worth another try. */
    public static Outcome unreachable() {
        return new Outcome(Kind.RETRY, 0, null);
    }
}
