package io.chatforge.im.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesWithJitter_upToTheMaximum() {
        var low = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.0);
        var high = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 1.0);

        assertThat(low.after(1, null)).isEqualTo(Duration.ofMillis(250));
        assertThat(high.after(1, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(high.after(3, null)).isEqualTo(Duration.ofMillis(2000));
        assertThat(high.after(30, null)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aLongerRetryAfter_wins_butNeverBeyondTheMaximum() {
        var backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.5);

        assertThat(backoff.after(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(backoff.after(1, Duration.ofMillis(10))).isEqualTo(Duration.ofMillis(375));
        assertThat(backoff.after(1, Duration.ofHours(2))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void statusesReadAsPushServicesMeanThem() {
        assertThat(Outcome.ofStatus(201, null).kind()).isEqualTo(Outcome.Kind.DELIVERED);
        assertThat(Outcome.ofStatus(410, null).kind()).isEqualTo(Outcome.Kind.GONE);
        assertThat(Outcome.ofStatus(404, null).kind()).isEqualTo(Outcome.Kind.GONE);
        assertThat(Outcome.ofStatus(429, Duration.ofSeconds(3)).retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(Outcome.ofStatus(503, null).kind()).isEqualTo(Outcome.Kind.RETRY);
        assertThat(Outcome.ofStatus(400, null).kind()).isEqualTo(Outcome.Kind.FAILED);
    }
}
