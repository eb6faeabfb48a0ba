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
            this.revokeReason = reason.name().toLowerCase();
        }
    }

    String id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String deviceId() {
        return deviceId;
    }

    enum RevokeReason {
        LOGOUT,
        /** a spent refresh token came back: the family may be stolen */
        REFRESH_REUSE,
        /** the same device logged in again */
        REPLACED
    }
}
