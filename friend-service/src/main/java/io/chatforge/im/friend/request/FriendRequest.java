package io.chatforge.im.friend.request;

import io.chatforge.im.service.web.ApiProblem;
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
@Table(name = "friend_requests")
class FriendRequest {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "from_user_id", nullable = false, updatable = false)
    private long fromUserId;

    @Column(name = "to_user_id", nullable = false, updatable = false)
    private long toUserId;

    @Column(updatable = false)
    private String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected FriendRequest() {}

    FriendRequest(long fromUserId, long toUserId, String message, Instant now) {
        this.fromUserId = fromUserId;
        this.toUserId = toUserId;
        this.message = message;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void moveTo(Status next, Instant now) {
        if (status != Status.PENDING) {
            throw ApiProblem.conflict("request_not_pending", "this request was already " + status.label());
        }
        this.status = next;
        this.updatedAt = now;
    }

    long id() {
        return id;
    }

    long fromUserId() {
        return fromUserId;
    }

    long toUserId() {
        return toUserId;
    }

    String message() {
        return message;
    }

    Status status() {
        return status;
    }

    /** The user on the other side, seen from {@code me}. */
    long peerOf(long me) {
        return me == fromUserId ? toUserId : fromUserId;
    }

    FriendRequestView toView(io.chatforge.im.friend.profile.PeerView peer) {
        return new FriendRequestView(id, fromUserId, toUserId, message, status.label(), createdAt, updatedAt, peer);
    }

    enum Status {
        PENDING,
        ACCEPTED,
        DECLINED,
        CANCELLED;

        String label() {
            return name().toLowerCase();
        }

        static Status parse(String label) {
            for (Status s : values()) {
                if (s.label().equals(label)) {
                    return s;
                }
            }
            throw ApiProblem.badRequest("validation_failed", "status must be pending, accepted, declined or cancelled")
                    .with("field", "status");
        }
    }
}
