package io.chatforge.im.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.testsupport.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Device sessions against the real MySQL-compatible server, where concurrent logins take locks. */
@IntegrationTest
class SessionServiceIT {
    private static final AtomicLong USER_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);
    private static final int LOGINS = 6;

    @Autowired
    SessionService sessions;

    @Autowired
    DeviceSessionRepository deviceSessions;

    @ParameterizedTest(name = "the device had a session before: {0}")
    @ValueSource(booleans = {false, true})
    void concurrentLoginsOfOneDevice_allSucceed_andLeaveOneLiveSession(boolean hadASession) throws Exception {
        long userId = USER_IDS.incrementAndGet();
        if (hadASession) {
            sessions.open(userId, "watch", "web");
        }

        var together = new CyclicBarrier(LOGINS);
        List<CompletableFuture<TokenResponse>> logins = new ArrayList<>();
        for (int i = 0; i < LOGINS; i++) {
            logins.add(CompletableFuture.supplyAsync(() -> {
                awaitOthers(together);
                return sessions.open(userId, "watch", "web");
            }));
        }
        for (var login : logins) {
            assertThat(login.get(30, TimeUnit.SECONDS).userId()).isEqualTo(userId);
        }

        assertThat(deviceSessions.findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(userId))
                .as("one live session for the device")
                .hasSize(1);
    }

    private static void awaitOthers(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
