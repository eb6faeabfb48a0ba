package io.chatforge.im.auth.session;

import io.chatforge.im.auth.token.AccessTokenIssuer;
import io.chatforge.im.service.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Device sessions: a login opens one per device (replacing that device's previous one), refresh
 * rotates its refresh token, logout revokes it. A spent refresh token presented again revokes the
 * whole session, since either the client or a thief holds a copy.
 */
@Service
class SessionService {
    static final int OPEN_ATTEMPTS = 5;

    private final DeviceSessionRepository sessions;
    private final RefreshTokenLedger refreshTokens;
    private final SessionRevocations revocations;
    private final AccessTokenIssuer accessTokens;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SessionService(
            DeviceSessionRepository sessions,
            RefreshTokenLedger refreshTokens,
            SessionRevocations revocations,
            AccessTokenIssuer accessTokens,
            TransactionTemplate transactions,
            Clock clock) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.accessTokens = accessTokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    TokenResponse refresh(RefreshRequest request) {
        Instant now = clock.instant();
        String hash = RefreshTokens.hash(request.refreshToken());
        Rotation rotation = transactions.execute(tx -> rotate(hash, now));
        if (rotation.reusedSessionId() != null) {
            revocations.revoke(
                    rotation.session().userId(), rotation.reusedSessionId(), DeviceSession.RevokeReason.REFRESH_REUSE);
            throw invalidRefreshToken();
        }
        DeviceSession session = rotation.session();
        var access = accessTokens.issue(session.userId(), session.deviceId(), session.id());
        return new TokenResponse(
                access.value(), rotation.newRefreshToken(), "Bearer", access.expiresInSeconds(), session.userId());
    }

    void logout(long userId, String sessionId) {
        transactions.executeWithoutResult(tx -> sessions.findById(sessionId)
                .ifPresent(s -> s.revoke(DeviceSession.RevokeReason.LOGOUT, clock.instant())));
        revocations.revoke(userId, sessionId, DeviceSession.RevokeReason.LOGOUT);
    }

    /**
     * Opens a session for the device, replacing (revoking) the one it had. Two logins of one device
     * at once are serialised by row locks; when InnoDB picks one as a deadlock victim (both took
     * the empty gap of a first login) it is retried, and after {@link #OPEN_ATTEMPTS} answered 503.
     */
    TokenResponse open(long userId, String deviceId, String deviceType) {
        Opened opened = openReplacing(userId, deviceId, deviceType, clock.instant());
        opened.replaced()
                .forEach(id -> revocations.revoke(userId, id, DeviceSession.RevokeReason.REPLACED)); // after commit
        var access = accessTokens.issue(userId, deviceId, opened.session().id());
        return new TokenResponse(access.value(), opened.refreshToken(), "Bearer", access.expiresInSeconds(), userId);
    }

    private Opened openReplacing(long userId, String deviceId, String deviceType, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(tx -> {
                    List<String> replaced = new ArrayList<>();
                    for (DeviceSession previous : sessions.lockLiveOfDevice(userId, deviceId)) {
                        previous.revoke(DeviceSession.RevokeReason.REPLACED, now);
                        replaced.add(previous.id());
                    }
                    DeviceSession session = sessions.save(new DeviceSession(userId, deviceId, deviceType, now));
                    return new Opened(session, refreshTokens.issue(session.id(), now), replaced);
                });
            } catch (PessimisticLockingFailureException raced) {
                if (attempt >= OPEN_ATTEMPTS || !backedOff(attempt)) {
                    throw ApiProblem.unavailable(
                            "auth_busy",
                            "this device is logging in elsewhere right now; try again in a moment",
                            Duration.ofSeconds(1));
                }
            }
        }
    }

    /** A random pause, so the logins that lost a deadlock do not all collide again. */
    private static boolean backedOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20) * attempt);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Spends the presented token and issues its successor, or reports reuse of a spent one. */
    private Rotation rotate(String hash, Instant now) {
        RefreshToken presented = refreshTokens.find(hash).orElseThrow(SessionService::invalidRefreshToken);
        DeviceSession session =
                sessions.findById(presented.sessionId()).orElseThrow(SessionService::invalidRefreshToken);
        if (session.isRevoked() || presented.isExpired(now)) {
            throw invalidRefreshToken();
        }
        if (presented.isSpent() || !refreshTokens.spend(hash, now)) {
            session.revoke(DeviceSession.RevokeReason.REFRESH_REUSE, now);
            return new Rotation(session, null, session.id());
        }
        session.refreshed(now);
        return new Rotation(session, refreshTokens.issue(session.id(), now), null);
    }

    private static ApiProblem invalidRefreshToken() {
        return ApiProblem.unauthorized("invalid_refresh_token", "the refresh token is invalid, expired or revoked");
    }

    private record Opened(DeviceSession session, String refreshToken, List<String> replaced) {}

    private record Rotation(DeviceSession session, String newRefreshToken, String reusedSessionId) {}
}
