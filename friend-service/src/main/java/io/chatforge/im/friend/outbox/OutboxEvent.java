package io.chatforge.im.friend.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "outbox_events")
class OutboxEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String topic;

    @Column(name = "event_key", nullable = false, updatable = false)
    private String key;

    @Column(nullable = false, updatable = false)
    private String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    protected OutboxEvent() {}

    OutboxEvent(String topic, String key, String payload, Instant now) {
        this.topic = topic;
        this.key = key;
        this.payload = payload;
        this.createdAt = now;
    }

    void published(Instant now) {
        this.publishedAt = now;
    }

    String topic() {
        return topic;
    }

    String key() {
        return key;
    }

    String payload() {
        return payload;
    }
}
