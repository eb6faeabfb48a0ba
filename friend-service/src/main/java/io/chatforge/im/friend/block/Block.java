package io.chatforge.im.friend.block;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "blocks")
class Block {
    @EmbeddedId
    private Key key;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Block() {}

    Block(long blockerId, long blockedId, Instant now) {
        this.key = new Key(blockerId, blockedId);
        this.createdAt = now;
    }

    long blockedId() {
        return key.blockedId;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Embeddable
    record Key(
            @Column(name = "blocker_id") long blockerId,
            @Column(name = "blocked_id") long blockedId) implements Serializable {}
}
