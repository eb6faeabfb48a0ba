package io.chatforge.im.auth.password;

import io.chatforge.im.service.web.ApiProblem;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2 hashing and checking, bounded: at most {@code concurrency} at once, at most
 * {@code maxQueued} more waiting, each for at most {@code maxWait}. Beyond that a request gets 503
 * {@code auth_busy} at once, so a login flood costs a few cores, not all of them, and the rest of
 * the service keeps answering.
 */
@Component
public class PasswordWork {
    private final PasswordEncoder encoder;
    private final Semaphore running;
    private final Semaphore admitted;
    private final long maxWaitNanos;

    PasswordWork(PasswordEncoder encoder, Settings settings) {
        this.encoder = encoder;
        this.running = new Semaphore(settings.concurrency());
        this.admitted = new Semaphore(settings.concurrency() + settings.maxQueued());
        this.maxWaitNanos = settings.maxWait().toNanos();
    }

    public String encode(String rawPassword) {
        return bounded(() -> encoder.encode(rawPassword));
    }

    public boolean matches(String rawPassword, String hash) {
        return bounded(() -> encoder.matches(rawPassword, hash));
    }

    private <T> T bounded(Supplier<T> work) {
        if (!admitted.tryAcquire()) {
            throw busy();
        }
        try {
            if (!running.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw busy();
            }
            try {
                return work.get();
            } finally {
                running.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            admitted.release();
        }
    }

    private static ApiProblem busy() {
        return ApiProblem.unavailable(
                "auth_busy", "too many logins at once; try again in a moment", Duration.ofSeconds(1));
    }

    /**
     * @param concurrency password hashes computed at once (each takes one core for ~50-100 ms)
     * @param maxQueued requests that may wait for one; more are refused at once
     * @param maxWait how long one waits before it is refused
     */
    @ConfigurationProperties("im.auth.password-work")
    record Settings(
            @DefaultValue("2") int concurrency,
            @DefaultValue("16") int maxQueued,
            @DefaultValue("1s") Duration maxWait) {}
}
