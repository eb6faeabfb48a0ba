-- One row per account; the id is the one auth-service assigned at registration.
CREATE TABLE users (
    id          BIGINT       NOT NULL PRIMARY KEY,
    username    VARCHAR(32)  NOT NULL,
    nickname    VARCHAR(64)  NOT NULL,
    avatar_url  VARCHAR(512) NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uk_users_username UNIQUE (username),
    INDEX idx_users_nickname (nickname)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
