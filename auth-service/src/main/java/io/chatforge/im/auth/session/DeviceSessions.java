package io.chatforge.im.auth.session;

import io.chatforge.im.security.ImPrincipal;
import io.chatforge.im.service.web.ApiProblem;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's view of their logged-in devices: list them, and end one (a lost phone) or all others.
 * Ending a session revokes its refresh tokens and closes its live sockets within a second.
 */
@Service
class DeviceSessions {
    private final DeviceSessionRepository sessions;
    private final SessionRevocations revocations;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeviceSessions(
            DeviceSessionRepository sessions,
            SessionRevocations revocations,
            TransactionTemplate transactions,
            Clock clock) {
        this.sessions = sessions;
        this.revocations = revocations;
        this.transactions = transactions;
        this.clock = clock;
    }

    List<DeviceSessionView> list(ImPrincipal me) {
        return sessions.findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(me.userId()).stream()
                .map(s -> new DeviceSessionView(
                        s.id(),
                        s.deviceId(),
                        s.deviceType(),
                        s.createdAt(),
                        s.lastRefreshedAt(),
                        s.id().equals(me.sessionId())))
                .toList();
    }

    /** Ends one of the caller's sessions; someone else's is answered like a missing one (404). */
    void end(ImPrincipal me, String sessionId) {
        Boolean ended = transactions.execute(tx -> sessions.findById(sessionId)
                .filter(s -> s.userId() == me.userId() && !s.isRevoked())
                .map(s -> {
                    s.revoke(DeviceSession.RevokeReason.REVOKED, clock.instant());
                    return true;
                })
                .orElse(false));
        if (!Boolean.TRUE.equals(ended)) {
            throw ApiProblem.notFound("session_not_found", "no such active session of yours");
        }
        revocations.revoke(me.userId(), sessionId, DeviceSession.RevokeReason.REVOKED);
    }

    /** Ends every session of the caller but the one asking; returns how many. */
    int endOthers(ImPrincipal me) {
        List<String> ended = transactions.execute(tx -> {
            var others = sessions.findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(me.userId()).stream()
                    .filter(s -> !s.id().equals(me.sessionId()))
                    .toList();
            others.forEach(s -> s.revoke(DeviceSession.RevokeReason.REVOKED, clock.instant()));
            return others.stream().map(DeviceSession::id).toList();
        });
        ended.forEach(id -> revocations.revoke(me.userId(), id, DeviceSession.RevokeReason.REVOKED));
        return ended.size();
    }
}
