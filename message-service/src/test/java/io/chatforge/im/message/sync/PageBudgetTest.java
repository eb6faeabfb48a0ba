package io.chatforge.im.message.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageBudgetTest {

    @Test
    void messagesGoInWhileTheyFit_countingTheCommaBetweenThem() {
        PageBudget budget = new PageBudget(100, 40);

        assertThat(budget.take(30)).isTrue(); // 70
        assertThat(budget.take(29)).isTrue(); // 70 + 1 + 29 = 100
        assertThat(budget.take(1)).isFalse();
        assertThat(budget.used()).isEqualTo(100);
    }

    @Test
    void theFirstMessageAlwaysGoesIn_howeverLarge() {
        PageBudget budget = new PageBudget(100, 40);

        assertThat(budget.take(500)).isTrue();
        assertThat(budget.take(1)).isFalse();
    }
}
