package io.chatforge.im.connector.backpressure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Places in flight are taken by a send and freed by its answer, its failure, or its timeout. */
class PendingSendsTest {
    private final AtomicLong clock = new AtomicLong();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PendingSends pending = new PendingSends(properties(true, 2), meters, clock::get);

    private static BackPressureProperties properties(boolean enabled, int cap) {
        return new BackPressureProperties(
                enabled, Duration.ofMillis(50), Duration.ofMillis(100), cap, 1, cap, Duration.ofSeconds(10));
    }

    @Test
    void theCapRefuses_andAnAnswerFreesThePlace() {
        assertThat(pending.admit(1, "phone", "a")).isTrue();
        assertThat(pending.admit(1, "phone", "b")).isTrue();
        assertThat(pending.admit(2, "phone", "c")).isFalse();
        assertThat(meters.counter("im.connector.sends.shed").count()).isEqualTo(1.0);

        pending.answered(1, "phone", "a");

        assertThat(pending.admit(2, "phone", "c")).isTrue();
    }

    @Test
    void aResendOfASendInFlight_goesOn_withoutASecondPlace() {
        assertThat(pending.admit(1, "phone", "a")).isTrue();
        assertThat(pending.admit(1, "phone", "a")).isTrue();

        assertThat(pending.inFlight()).isEqualTo(1);
    }

    @Test
    void anAnswerForAnotherDevice_orTwice_freesNothingMore() {
        pending.admit(1, "phone", "a");
        pending.admit(1, "phone", "b");

        pending.answered(1, "laptop", "a");
        pending.answered(1, "phone", "a");
        pending.answered(1, "phone", "a");

        assertThat(pending.inFlight()).isEqualTo(1);
    }

    @Test
    void aSendThatNeverReachedKafka_freesItsPlace() {
        pending.admit(1, "phone", "a");

        pending.failed(1, "phone", "a");

        assertThat(pending.inFlight()).isZero();
    }

    @Test
    void anAnswerThatNeverComes_freesThePlaceAfterTheTimeout() {
        pending.admit(1, "phone", "a");
        clock.set(Duration.ofSeconds(5).toNanos());
        pending.admit(1, "phone", "b");

        clock.set(Duration.ofSeconds(11).toNanos());
        pending.expire();

        assertThat(pending.inFlight()).isEqualTo(1);
        pending.answered(1, "phone", "a"); // too late: nothing more to free
        assertThat(pending.inFlight()).isEqualTo(1);
    }

    @Test
    void switchedOff_admitsEverything() {
        PendingSends off = new PendingSends(properties(false, 1), new SimpleMeterRegistry(), clock::get);

        assertThat(off.admit(1, "phone", "a")).isTrue();
        assertThat(off.admit(1, "phone", "b")).isTrue();
    }
}
