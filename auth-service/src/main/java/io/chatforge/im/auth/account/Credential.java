package io.chatforge.im.auth.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "credentials")
public class Credential {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    /** The nickname asked for at registration, kept until the profile exists. */
    @Column(name = "pending_nickname")
    private String pendingNickname;

    /** SHA-256 of the Idempotency-Key the registration came with, if any. */
    @Column(name = "registration_key_hash", updatable = false)
    private String registrationKeyHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Credential() {}

    Credential(String username, String passwordHash, String nickname, String registrationKeyHash, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.pendingNickname = nickname;
        this.registrationKeyHash = registrationKeyHash;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void activate(Instant now) {
        this.status = Status.ACTIVE;
        this.pendingNickname = null;
        this.updatedAt = now;
    }

    public long userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    String pendingNickname() {
        return pendingNickname;
    }

    Instant createdAt() {
        return createdAt;
    }

    String registrationKeyHash() {
        return registrationKeyHash;
    }

    enum Status {
        /** the profile in user-service may not exist yet */
        PENDING,
        ACTIVE
    }
}
