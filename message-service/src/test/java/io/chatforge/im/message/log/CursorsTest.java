package io.chatforge.im.message.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void aCursorMovesForward_upToTheLastMessageTheMemberMaySee() {
        assertThat(Cursors.next(3, 5, 10)).isEqualTo(5);
        assertThat(Cursors.next(3, 50, 10)).isEqualTo(10);
    }

    @Test
    void aCursorNeverMovesBack() {
        assertThat(Cursors.next(7, 2, 10)).isEqualTo(7);
    }

    @Test
    void aFormerMember_readsNoFurtherThanTheirLeaving() {
        long leftAt = 4;
        assertThat(Cursors.next(1, 9, leftAt)).isEqualTo(4);
    }
}
