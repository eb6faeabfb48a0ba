package io.chatforge.im.auth.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One login of one device: the family its refresh tokens belong to. */
@Entity
@Table(name = "device_sessions")
class DeviceSession {
    @Id
    private String id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "device_id", nullable = false, updatable = false)
    private String deviceId;

    @Column(name = "device_type", nullable = false, updatable = false)
    private String deviceType;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_refreshed_at", nullable = false)
    private Instant lastRefreshedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoke_reason")
    private String revokeReason;

    protected DeviceSession() {}

    DeviceSession(long userId, String deviceId, String deviceType, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.userId = userId;
        this.deviceId = deviceId;
        this.deviceType = deviceType;
        this.createdAt = now;
        this.lastRefreshedAt = now;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void refreshed(Instant now) {
        this.lastRefreshedAt = now;
    }

    void revoke(RevokeReason reason, Instant now) {
        if (revokedAt == null) {
            this.revokedAt = now;
            this.revokeReason = reason.code();
        }
    }

    String id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String deviceType() {
        return deviceType;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastRefreshedAt() {
        return lastRefreshedAt;
    }

    String deviceId() {
        return deviceId;
    }

    /** Why a session ended; {@link #code()} is what clients see in {@code event kicked}. */
    enum RevokeReason {
        LOGOUT,
        /** a spent refresh token came back: the family may be stolen */
        REFRESH_REUSE,
        /** the same device logged in again */
        REPLACED,
        /** ended by the user from another device */
        REVOKED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
