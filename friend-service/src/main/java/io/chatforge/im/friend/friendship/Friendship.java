package io.chatforge.im.friend.friendship;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One direction of a friendship; a friendship is always both rows. */
@Entity
@Table(name = "friends")
public class Friendship {
    @EmbeddedId
    private Key key;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Friendship() {}

    Friendship(long userId, long friendId, Instant now) {
        this.key = new Key(userId, friendId);
        this.createdAt = now;
    }

    long friendId() {
        return key.friendId;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Embeddable
    public record Key(
            @Column(name = "user_id") long userId,
            @Column(name = "friend_id") long friendId) implements Serializable {}
}
