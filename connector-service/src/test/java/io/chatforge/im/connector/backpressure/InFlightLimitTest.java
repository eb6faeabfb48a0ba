package io.chatforge.im.connector.backpressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The adaptive cap: refuses at the cap, shrinks when answers are slow, grows when it binds and they are quick. */
class InFlightLimitTest {
    private static final long MS = 1_000_000;
    private static final long WINDOW = 100 * MS;

    private final InFlightLimit limit = new InFlightLimit(50 * MS, WINDOW, 100, 10, 1000, 0);

    @Test
    void refusesAtTheCap_andAFreedPlaceAdmitsAgain() {
        for (int i = 0; i < 100; i++) {
            assertThat(limit.tryAcquire(MS)).isTrue();
        }
        assertThat(limit.tryAcquire(MS)).isFalse();

        limit.abandon();

        assertThat(limit.tryAcquire(MS)).isTrue();
        assertThat(limit.inFlight()).isEqualTo(100);
    }

    @Test
    void answersSlowingDown_shrinkTheCapByATenthPerWindow_downToTheMinimum() {
        long now = 0;
        long latency = 20 * MS;
        for (int window = 0; window < 50; window++) {
            assertThat(limit.tryAcquire(now)).isTrue();
            limit.release(latency, now);
            latency += latency / 5; // a queue growing: each window slower than the last
            now += WINDOW;
            limit.tryAcquire(now); // the window closes
            limit.abandon();
        }

        assertThat(limit.limit()).isEqualTo(10);
    }

    @Test
    void onAPlatformSlowerThanTheTargetEvenUnloaded_theCapToleratesTwiceItsQuickestAnswers() {
        long now = 0;
        for (int window = 0; window < 50; window++) {
            for (int i = 0; i < 100; i++) {
                limit.tryAcquire(now);
            }
            limit.release(80 * MS, now); // always 80 ms, however few are in flight
            for (int i = 0; i < 99; i++) {
                limit.abandon();
            }
            now += WINDOW;
        }
        limit.tryAcquire(now);

        assertThat(limit.tolerated()).isBetween(160 * MS, 170 * MS);
        assertThat(limit.limit()).isGreaterThan(100); // not starved to the minimum
    }

    @Test
    void quickAnswers_growTheCap_onlyWhenItWasNearlyReached() {
        for (int i = 0; i < 95; i++) {
            limit.tryAcquire(MS);
        }
        limit.release(5 * MS, 2 * MS);
        limit.tryAcquire(WINDOW + MS);
        assertThat(limit.limit()).isEqualTo(105);

        InFlightLimit quiet = new InFlightLimit(50 * MS, WINDOW, 100, 10, 1000, 0);
        for (int i = 0; i < 10; i++) {
            quiet.tryAcquire(MS); // few in flight, quick answers: the cap was not what held them back
        }
        quiet.release(5 * MS, 2 * MS);
        quiet.tryAcquire(WINDOW + MS);
        assertThat(quiet.limit()).isEqualTo(100);
    }

    @Test
    void neverGrowsBeyondTheMaximum() {
        InFlightLimit small = new InFlightLimit(50 * MS, WINDOW, 10, 1, 11, 0);
        long now = 0;
        for (int window = 0; window < 5; window++) {
            while (small.tryAcquire(now)) {}
            small.release(1 * MS, now);
            now += WINDOW;
        }
        assertThat(small.limit()).isEqualTo(11);
    }

    @Test
    void aMinimumAboveTheStart_isRefused() {
        assertThatThrownBy(() -> new InFlightLimit(1, 1, 5, 10, 20, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
