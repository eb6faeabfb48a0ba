package io.chatforge.im.connector.backpressure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Places in flight are taken by a send and freed by its answer, its failure, or its timeout; sends without one wait in order. */
class PendingSendsTest {
    private final AtomicLong clock = new AtomicLong();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PendingSends pending = new PendingSends(properties(true, 2), meters, clock::get);

    private static BackPressureProperties properties(boolean enabled, int cap) {
        return new BackPressureProperties(
                enabled, Duration.ofMillis(50), Duration.ofMillis(100), cap, 1, cap, Duration.ofSeconds(10));
    }

    private boolean admitted(long user, String device, String clientMsgId) {
        return pending.place(user, device, clientMsgId).toFuture().isDone();
    }

    @Test
    void atTheCapASendWaits_andAnAnswerGivesItThePlace() {
        assertThat(admitted(1, "phone", "a")).isTrue();
        assertThat(admitted(1, "phone", "b")).isTrue();
        var waiting = pending.place(2, "phone", "c").toFuture();
        assertThat(waiting).isNotDone();
        assertThat(meters.counter("im.connector.sends.waited").count()).isEqualTo(1.0);

        pending.answered(1, "phone", "a");

        waiting.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(pending.inFlight()).isEqualTo(2);
    }

    @Test
    void waitingSends_getPlacesInTheirOrder_andOneWhoseConnectionClosedIsSkipped() {
        admitted(1, "phone", "a");
        admitted(1, "phone", "b");
        var first = pending.place(2, "phone", "c").toFuture();
        var gone = pending.place(3, "phone", "d").subscribe();
        var third = pending.place(4, "phone", "e").toFuture();
        gone.dispose();

        pending.answered(1, "phone", "a");
        first.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(third).isNotDone();

        pending.answered(1, "phone", "b");
        third.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(pending.waiting()).isZero();
    }

    @Test
    void aResendOfASendInFlight_goesOn_withoutASecondPlace() {
        assertThat(admitted(1, "phone", "a")).isTrue();
        assertThat(admitted(1, "phone", "a")).isTrue();

        assertThat(pending.inFlight()).isEqualTo(1);
    }

    @Test
    void anAnswerForAnotherDevice_orTwice_freesNothingMore() {
        admitted(1, "phone", "a");
        admitted(1, "phone", "b");

        pending.answered(1, "laptop", "a");
        pending.answered(1, "phone", "a");
        pending.answered(1, "phone", "a");

        assertThat(pending.inFlight()).isEqualTo(1);
    }

    @Test
    void aSendThatNeverReachedKafka_freesItsPlace() {
        admitted(1, "phone", "a");

        pending.failed(1, "phone", "a");

        assertThat(pending.inFlight()).isZero();
    }

    @Test
    void anAnswerThatNeverComes_freesThePlaceAfterTheTimeout() {
        admitted(1, "phone", "a");
        clock.set(Duration.ofSeconds(5).toNanos());
        admitted(1, "phone", "b");

        clock.set(Duration.ofSeconds(11).toNanos());
        pending.expire();

        assertThat(pending.inFlight()).isEqualTo(1);
        pending.answered(1, "phone", "a"); // too late: nothing more to free
        assertThat(pending.inFlight()).isEqualTo(1);
    }

    @Test
    void switchedOff_admitsEverything() {
        PendingSends off = new PendingSends(properties(false, 1), new SimpleMeterRegistry(), clock::get);

        assertThat(off.place(1, "phone", "a").toFuture()).isDone();
        assertThat(off.place(1, "phone", "b").toFuture()).isDone();
    }
}
