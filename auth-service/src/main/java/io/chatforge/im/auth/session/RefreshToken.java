package io.chatforge.im.auth.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A refresh token, stored as the SHA-256 of its value. Spent once used. */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken {
    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "session_id", nullable = false, updatable = false)
    private String sessionId;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected RefreshToken() {}

    RefreshToken(String tokenHash, String sessionId, Instant now, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.sessionId = sessionId;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    String sessionId() {
        return sessionId;
    }

    boolean isSpent() {
        return usedAt != null;
    }

    boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
