package io.chatforge.im.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatforge.im.service.web.ApiProblem;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordWorkTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);

    /** An encoder whose work lasts until the test releases it. */
    private final PasswordEncoder slow = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "hash-of-" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String hash) {
            return hash.equals(encode(raw));
        }
    };

    @Test
    void beyondTheRunningAndQueuedWork_aRequestIsRefusedAtOnce_with503() throws Exception {
        var work = new PasswordWork(slow, new PasswordWork.Settings(1, 0, Duration.ofSeconds(5)));
        var busy = CompletableFuture.supplyAsync(() -> work.encode("first"));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        long before = System.nanoTime();
        assertThatThrownBy(() -> work.matches("second", "hash-of-second"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status().value()).isEqualTo(503);
                    assertThat(p.code()).isEqualTo("auth_busy");
                    assertThat(p.retryAfter()).isNotNull();
                });
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));

        release.countDown();
        assertThat(busy.get(5, TimeUnit.SECONDS)).isEqualTo("hash-of-first");
        assertThat(work.matches("third", "hash-of-third"))
                .as("free again once done")
                .isTrue();
    }

    @Test
    void aQueuedRequest_waitsAtMostMaxWait() throws Exception {
        var work = new PasswordWork(slow, new PasswordWork.Settings(1, 1, Duration.ofMillis(200)));
        var busy = CompletableFuture.supplyAsync(() -> work.encode("first"));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> work.encode("waiting"))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.code()).isEqualTo("auth_busy"));
        release.countDown();
        busy.get(5, TimeUnit.SECONDS);
    }
}
