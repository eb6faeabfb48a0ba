package io.chatforge.im.auth.session;

import io.chatforge.im.auth.token.AccessTokenIssuer;
import io.chatforge.im.service.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Device sessions: a login opens one per device (replacing that device's previous one), refresh
 * rotates its refresh token, logout revokes it. A spent refresh token presented again revokes the
 * whole session, since either the client or a thief holds a copy.
 */
@Service
class SessionService {
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

    /** Opens a session for the device, replacing (revoking) the one it had. */
    TokenResponse open(long userId, String deviceId, String deviceType) {
        Instant now = clock.instant();
        List<String> replaced = new ArrayList<>();
        Opened opened = transactions.execute(tx -> {
            for (DeviceSession previous : sessions.findByUserIdAndDeviceIdAndRevokedAtIsNull(userId, deviceId)) {
                previous.revoke(DeviceSession.RevokeReason.REPLACED, now);
                replaced.add(previous.id());
            }
            DeviceSession session = sessions.save(new DeviceSession(userId, deviceId, deviceType, now));
            return new Opened(session, refreshTokens.issue(session.id(), now));
        });
        replaced.forEach(id -> revocations.revoke(userId, id, DeviceSession.RevokeReason.REPLACED)); // after commit
        var access = accessTokens.issue(userId, deviceId, opened.session().id());
        return new TokenResponse(access.value(), opened.refreshToken(), "Bearer", access.expiresInSeconds(), userId);
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

    private record Opened(DeviceSession session, String refreshToken) {}

    private record Rotation(DeviceSession session, String newRefreshToken, String reusedSessionId) {}
}
