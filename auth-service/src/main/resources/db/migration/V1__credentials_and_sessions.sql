-- Accounts. The auto-increment id is the user id every other service uses.
-- A registration is PENDING until user-service holds the profile, then ACTIVE.
CREATE TABLE credentials (
    user_id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username         VARCHAR(32)  NOT NULL,
    password_hash    VARCHAR(255) NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    pending_nickname VARCHAR(64)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    CONSTRAINT uk_credentials_username UNIQUE (username),
    INDEX idx_credentials_status (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci AUTO_INCREMENT = 10001;

-- One row per login of a device: the refresh-token family. Logout or reuse of a spent refresh
-- token revokes it.
CREATE TABLE device_sessions (
    id                CHAR(36)    NOT NULL PRIMARY KEY,
    user_id           BIGINT      NOT NULL,
    device_id         VARCHAR(64) NOT NULL,
    device_type       VARCHAR(16) NOT NULL,
    created_at        DATETIME(6) NOT NULL,
    last_refreshed_at DATETIME(6) NOT NULL,
    revoked_at        DATETIME(6) NULL,
    revoke_reason     VARCHAR(32) NULL,
    INDEX idx_device_sessions_user_device (user_id, device_id),
    INDEX idx_device_sessions_revoked (revoked_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Refresh tokens are stored as SHA-256 hashes only. A token is spent once used.
CREATE TABLE refresh_tokens (
    token_hash CHAR(64)    NOT NULL PRIMARY KEY,
    session_id CHAR(36)    NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    INDEX idx_refresh_tokens_session (session_id),
    INDEX idx_refresh_tokens_expires (expires_at),
    CONSTRAINT fk_refresh_tokens_session FOREIGN KEY (session_id) REFERENCES device_sessions (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
