package io.chatforge.im.auth.session;

import io.chatforge.im.auth.account.Credential;
import io.chatforge.im.auth.account.CredentialRepository;
import io.chatforge.im.auth.account.ProfileProvisioner;
import io.chatforge.im.auth.password.PasswordWork;
import io.chatforge.im.auth.token.AccessTokenIssuer;
import io.chatforge.im.auth.token.TokenProperties;
import io.chatforge.im.contracts.user.Usernames;
import io.chatforge.im.service.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Device sessions: login opens one per device (replacing that device's previous one), refresh
 * rotates its refresh token, logout revokes it. A spent refresh token presented again revokes the
 * whole session, since either the client or a thief holds a copy.
 */
@Service
class SessionService {
    /** Verified against when the username is unknown, so both cases take the same time. */
    private final String unknownUserHash;

    private final CredentialRepository credentials;
    private final ProfileProvisioner provisioner;
    private final DeviceSessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final SessionRevocations revocations;
    private final AccessTokenIssuer accessTokens;
    private final LoginThrottle throttle;
    private final PasswordWork passwords;
    private final TokenProperties tokenProperties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // collaborators, wired once by Spring
    SessionService(
            CredentialRepository credentials,
            ProfileProvisioner provisioner,
            DeviceSessionRepository sessions,
            RefreshTokenRepository refreshTokens,
            SessionRevocations revocations,
            AccessTokenIssuer accessTokens,
            LoginThrottle throttle,
            PasswordWork passwords,
            TokenProperties tokenProperties,
            TransactionTemplate transactions,
            Clock clock) {
        this.credentials = credentials;
        this.provisioner = provisioner;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.accessTokens = accessTokens;
        this.throttle = throttle;
        this.passwords = passwords;
        this.tokenProperties = tokenProperties;
        this.transactions = transactions;
        this.clock = clock;
        this.unknownUserHash = passwords.encode("timing-equaliser-" + System.nanoTime());
    }

    /** The username is looked up and throttled in its canonical form only ({@link Usernames}). */
    TokenResponse login(LoginRequest request) {
        String username = Usernames.canonical(request.username());
        throttle.checkAllowed(username);
        Credential credential = Usernames.isValid(username)
                ? credentials.findByUsername(username).orElse(null)
                : null;
        String hash = credential != null ? credential.passwordHash() : unknownUserHash;
        if (!passwords.matches(request.password(), hash) || credential == null) {
            throttle.recordFailure(username);
            throw ApiProblem.unauthorized("invalid_credentials", "wrong username or password");
        }
        throttle.recordSuccess(username);
        Credential complete = provisioner.complete(credential);
        return openSession(complete.userId(), request.deviceId(), request.deviceType());
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

    private TokenResponse openSession(long userId, String deviceId, String deviceType) {
        Instant now = clock.instant();
        String refreshToken = RefreshTokens.newValue();
        List<String> replaced = new ArrayList<>();
        DeviceSession session = transactions.execute(tx -> {
            for (DeviceSession previous : sessions.findByUserIdAndDeviceIdAndRevokedAtIsNull(userId, deviceId)) {
                previous.revoke(DeviceSession.RevokeReason.REPLACED, now);
                replaced.add(previous.id());
            }
            DeviceSession opened = sessions.save(new DeviceSession(userId, deviceId, deviceType, now));
            refreshTokens.save(newRefreshToken(refreshToken, opened.id(), now));
            return opened;
        });
        replaced.forEach(id -> revocations.revoke(userId, id, DeviceSession.RevokeReason.REPLACED)); // after commit
        var access = accessTokens.issue(userId, deviceId, session.id());
        return new TokenResponse(access.value(), refreshToken, "Bearer", access.expiresInSeconds(), userId);
    }

    /** Spends the presented token and issues its successor, or reports reuse of a spent one. */
    private Rotation rotate(String hash, Instant now) {
        RefreshToken presented = refreshTokens.findById(hash).orElseThrow(SessionService::invalidRefreshToken);
        DeviceSession session =
                sessions.findById(presented.sessionId()).orElseThrow(SessionService::invalidRefreshToken);
        if (session.isRevoked() || presented.isExpired(now)) {
            throw invalidRefreshToken();
        }
        if (presented.isSpent() || refreshTokens.spend(hash, now) == 0) {
            session.revoke(DeviceSession.RevokeReason.REFRESH_REUSE, now);
            return new Rotation(session, null, session.id());
        }
        session.refreshed(now);
        String next = RefreshTokens.newValue();
        refreshTokens.save(newRefreshToken(next, session.id(), now));
        return new Rotation(session, next, null);
    }

    private RefreshToken newRefreshToken(String value, String sessionId, Instant now) {
        return new RefreshToken(RefreshTokens.hash(value), sessionId, now, now.plus(tokenProperties.refreshTtl()));
    }

    private static ApiProblem invalidRefreshToken() {
        return ApiProblem.unauthorized("invalid_refresh_token", "the refresh token is invalid, expired or revoked");
    }

    private record Rotation(DeviceSession session, String newRefreshToken, String reusedSessionId) {}
}
