-- The social graph. Friendships are stored once per direction, as in the seed design, and
-- both directions are written in the same transaction.
CREATE TABLE friends (
    user_id    BIGINT      NOT NULL,
    friend_id  BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, friend_id),
    INDEX idx_friends_user_created (user_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE friend_requests (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    from_user_id BIGINT       NOT NULL,
    to_user_id   BIGINT       NOT NULL,
    message      VARCHAR(200) NULL,
    status       VARCHAR(16)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    INDEX idx_friend_requests_to (to_user_id, status, created_at),
    INDEX idx_friend_requests_from (from_user_id, status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE blocks (
    blocker_id BIGINT      NOT NULL,
    blocked_id BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id),
    INDEX idx_blocks_blocker_created (blocker_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per pair of users (lower id first) that was ever changed. Every change of the pair
-- bumps the version inside its transaction: the row lock serialises concurrent changes of the
-- same pair (crossed requests, accept vs cancel), and the version orders cache updates.
CREATE TABLE pair_versions (
    user_low  BIGINT NOT NULL,
    user_high BIGINT NOT NULL,
    version   BIGINT NOT NULL,
    PRIMARY KEY (user_low, user_high)
) ENGINE = InnoDB;

-- Transactional outbox: events are written with the change that causes them and relayed to
-- Kafka after commit, so no event is lost and none is sent for a change that rolled back.
CREATE TABLE outbox_events (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    topic        VARCHAR(64)  NOT NULL,
    event_key    VARCHAR(64)  NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    published_at DATETIME(6)  NULL,
    INDEX idx_outbox_unpublished (published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
