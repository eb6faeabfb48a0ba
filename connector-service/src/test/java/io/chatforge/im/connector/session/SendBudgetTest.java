package io.chatforge.im.connector.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendBudgetTest {
    private static final long WINDOW = Duration.ofSeconds(10).toNanos();

    @Test
    void aBurstOfTwiceTheRate_isTaken_thenFramesAreRefused() {
        var budget = new SendBudget(10, 20, WINDOW, 20);
        for (int i = 0; i < 20; i++) {
            assertThat(budget.tryTake(1.0)).as("frame %d", i).isTrue();
        }
        assertThat(budget.tryTake(1.0)).isFalse();
        assertThat(budget.tryTake(0.1)).as("even a ping costs").isFalse();
    }

    @Test
    void invalidFrames_costAUnitEach_andTooManyMeanDisconnect() {
        var budget = new SendBudget(10, 20, WINDOW, 3);
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
        var budget = new SendBudget(10, 2, WINDOW, 20);
        assertThat(budget.strike()).isFalse();
        assertThat(budget.strike()).isFalse();
        assertThat(budget.strike()).isTrue();
    }
}
