package io.chatforge.im.connector.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.socket.CloseStatus;

class TokenExpiriesTest {
    private final TokenExpiries expiries = new TokenExpiries();
    /** the connections "here", by device */
    private final Map<String, ClientSession> connected = new HashMap<>();

    private ClientSession connect(String device, long expiresAtMillis) {
        var session = new ClientSession(
                1L,
                device,
                new ClientSession.Credentials("sid-" + device, expiresAtMillis),
                null,
                16,
                new SendBudget(20, 20, 10_000_000_000L, 20));
        connected.put(device, session);
        expiries.track(session);
        return session;
    }

    private java.util.List<ClientSession> expired(long now) {
        return expiries.expired(now, (user, device) -> connected.get(device));
    }

    @Test
    void onlyTheConnectionsDue_areExpired_inTheOrderOfTheirTokens_andEachOnce() {
        var late = connect("late", 3_000);
        var early = connect("early", 1_000);
        var middle = connect("middle", 2_000);

        assertThat(expired(999)).isEmpty();
        assertThat(expired(2_000)).containsExactly(early, middle);
        assertThat(expired(2_500)).as("each once").isEmpty();
        assertThat(expiries.size()).as("the one not due is kept").isEqualTo(1);
        assertThat(expired(3_000)).containsExactly(late);
    }

    @Test
    void aRenewedToken_isNotExpiredAtItsOldTime_butAtItsNewOne() {
        var session = connect("phone", 1_000);
        session.renew(new ClientSession.Credentials("sid-phone", 5_000));
        expiries.track(session);

        assertThat(expired(1_000)).isEmpty();
        assertThat(expiries.size())
                .as("the old entry is dropped when it comes due")
                .isEqualTo(1);
        assertThat(expired(5_000)).containsExactly(session);
    }

    @Test
    void aClosedOrGoneConnection_isForgotten_andTheDevicesNewConnectionKeepsItsOwnTime() {
        var closed = connect("closed", 1_000);
        closed.close(CloseStatus.NORMAL);
        connect("gone", 1_000);
        connected.remove("gone");
        connect("reconnected", 1_000);
        var again = connect("reconnected", 9_000);

        assertThat(expired(2_000)).isEmpty();
        assertThat(expiries.size())
                .as("only the new connection's entry is left")
                .isEqualTo(1);
        assertThat(expired(9_000)).containsExactly(again);
    }
}
