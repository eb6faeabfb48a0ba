package io.chatforge.im.connector.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.socket.CloseStatus;

class TokenExpiriesTest {
    private final TokenExpiries expiries = new TokenExpiries();

    private static ClientSession session(String device, long expiresAtMillis) {
        return new ClientSession(
                1L,
                device,
                new ClientSession.Credentials("sid-" + device, expiresAtMillis),
                null,
                16,
                new SendBudget(20, 20, 10_000_000_000L, 20));
    }

    @Test
    void onlyTheSessionsDue_areExpired_inTheOrderOfTheirTokens_andEachOnce() {
        var late = session("late", 3_000);
        var early = session("early", 1_000);
        var middle = session("middle", 2_000);
        expiries.track(late);
        expiries.track(early);
        expiries.track(middle);

        assertThat(expiries.expired(999)).isEmpty();
        assertThat(expiries.expired(2_000)).containsExactly(early, middle);
        assertThat(expiries.expired(2_500)).as("each once").isEmpty();
        assertThat(expiries.size()).as("the one not due is kept").isEqualTo(1);
        assertThat(expiries.expired(3_000)).containsExactly(late);
    }

    @Test
    void aRenewedSession_isNotExpiredAtItsOldTime_butAtItsNewOne() {
        var session = session("phone", 1_000);
        expiries.track(session);
        session.renew(new ClientSession.Credentials("sid-phone", 5_000));
        expiries.track(session);

        assertThat(expiries.expired(1_000)).isEmpty();
        assertThat(expiries.size())
                .as("the old entry is dropped when it comes due")
                .isEqualTo(1);
        assertThat(expiries.expired(5_000)).containsExactly(session);
    }

    @Test
    void aClosedSession_isForgotten() {
        var session = session("gone", 1_000);
        expiries.track(session);
        session.close(CloseStatus.NORMAL);

        assertThat(expiries.expired(2_000)).isEmpty();
        assertThat(expiries.size()).isZero();
    }
}
