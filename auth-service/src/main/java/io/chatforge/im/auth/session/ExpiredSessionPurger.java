package io.chatforge.im.auth.session;

import io.chatforge.im.auth.token.TokenProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deletes refresh tokens and sessions that can never be used again. */
@Component
class ExpiredSessionPurger {
    private static final Duration KEEP_REVOKED = Duration.ofDays(7);

    private final RefreshTokenRepository refreshTokens;
    private final DeviceSessionRepository sessions;
    private final TokenProperties tokens;
    private final Clock clock;

    ExpiredSessionPurger(
            RefreshTokenRepository refreshTokens,
            DeviceSessionRepository sessions,
            TokenProperties tokens,
            Clock clock) {
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${im.auth.purge-interval:1h}", initialDelayString = "1m")
    @Transactional
    void purge() {
        Instant now = clock.instant();
        refreshTokens.deleteExpiredBefore(now);
        sessions.deleteRevokedBefore(now.minus(KEEP_REVOKED));
        sessions.deleteIdleBefore(now.minus(tokens.refreshTtl()));
    }
}
