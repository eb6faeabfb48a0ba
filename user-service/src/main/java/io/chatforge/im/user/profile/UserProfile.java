package io.chatforge.im.user.profile;

import io.chatforge.im.contracts.user.UserSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "users")
class UserProfile {
    @Id
    private long id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(nullable = false)
    private String nickname;

    @Column(name = "avatar_url")
    private String avatarUrl;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserProfile() {}

    UserProfile(long id, String username, String nickname, Instant now) {
        this.id = id;
        this.username = username;
        this.nickname = nickname;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void rename(String nickname, Instant now) {
        this.nickname = nickname;
        this.updatedAt = now;
    }

    void changeAvatar(String avatarUrl, Instant now) {
        this.avatarUrl = avatarUrl;
        this.updatedAt = now;
    }

    long id() {
        return id;
    }

    String username() {
        return username;
    }

    ProfileView toView() {
        return new ProfileView(id, username, nickname, avatarUrl, createdAt);
    }

    UserSummary toSummary() {
        return new UserSummary(id, username, nickname, avatarUrl);
    }
}
