package io.chatforge.im.connector.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendBudgetTest {
    private static final long WINDOW = Duration.ofSeconds(10).toNanos();
    /** Frozen unless a test moves it: a slow machine must not refill the bucket mid-test. */
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstOfTwiceTheRate_isTaken_thenFramesAreRefused() {
        var budget = new SendBudget(10, 20, WINDOW, 20, clock::get);
        for (int i = 0; i < 20; i++) {
            assertThat(budget.tryTake(1.0)).as("frame %d", i).isTrue();
        }
        assertThat(budget.tryTake(1.0)).isFalse();
        assertThat(budget.tryTake(0.1)).as("even a ping costs").isFalse();
    }

    @Test
    void invalidFrames_costAUnitEach_andTooManyMeanDisconnect() {
        var budget = new SendBudget(10, 20, WINDOW, 3, clock::get);
        assertThat(budget.invalid()).isFalse();
        assertThat(budget.invalid()).isFalse();
        assertThat(budget.invalid()).isFalse();
        assertThat(budget.invalid()).as("the fourth within the window").isTrue();
        for (int i = 0; i < 16; i++) {
            assertThat(budget.tryTake(1.0)).isTrue();
        }
        assertThat(budget.tryTake(1.0))
                .as("the four invalid frames were paid for")
                .isFalse();
    }

    @Test
    void refusalsPastTheStrikeLimit_meanFlooding() {
        var budget = new SendBudget(10, 2, WINDOW, 20, clock::get);
        assertThat(budget.strike()).isFalse();
        assertThat(budget.strike()).isFalse();
        assertThat(budget.strike()).isTrue();
    }

    @Test
    void theBucketRefills_atTheSustainedRate_upToTwiceIt() {
        var budget = new SendBudget(10, 20, WINDOW, 20, clock::get);
        while (budget.tryTake(1.0)) {}

        clock.addAndGet(Duration.ofMillis(300).toNanos());
        assertThat(budget.tryTake(3.0)).as("three frames after 300 ms at 10/s").isTrue();
        assertThat(budget.tryTake(1.0)).isFalse();

        clock.addAndGet(Duration.ofMinutes(1).toNanos());
        for (int i = 0; i < 20; i++) {
            assertThat(budget.tryTake(1.0)).isTrue();
        }
        assertThat(budget.tryTake(1.0))
                .as("never more than a burst of twice the rate")
                .isFalse();
    }
}
