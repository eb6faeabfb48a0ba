-- push-service's own tables. push_devices: where each device of a user is reached when it has no
-- live socket (one row per user and device; registering again replaces it). push_sent: which
-- message was pushed to which device, so a message is pushed at most once per device, also across
-- consumer restarts and redeliveries (rows older than a few days are swept).
CREATE TABLE push_devices (
    user_id       BIGINT        NOT NULL,
    device_id     VARCHAR(64)   NOT NULL,
    provider      VARCHAR(8)    NOT NULL,
    token         VARCHAR(4096) NULL,
    endpoint      VARCHAR(2048) NULL,
    p256dh        VARCHAR(128)  NULL,
    auth          VARCHAR(64)   NULL,
    preview       BOOLEAN       NOT NULL DEFAULT TRUE,
    locale        VARCHAR(35)   NULL,
    updated_at    BIGINT        NOT NULL,
    PRIMARY KEY (user_id, device_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE push_sent (
    user_id    BIGINT      NOT NULL,
    device_id  VARCHAR(64) NOT NULL,
    msg_id     BIGINT      NOT NULL,
    sent_at    BIGINT      NOT NULL,
    PRIMARY KEY (user_id, device_id, msg_id),
    INDEX idx_push_sent_at (sent_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
