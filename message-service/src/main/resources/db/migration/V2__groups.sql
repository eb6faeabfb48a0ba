-- Groups. Their conversation is "g_<id>" in conversations/messages, with the same seqs, sync,
-- history and cursors as direct chats; membership changes are system messages in it.
CREATE TABLE chat_groups (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name                 VARCHAR(64)   NOT NULL,
    avatar_url           VARCHAR(512)  NULL,
    announcement         VARCHAR(1000) NULL,
    owner_id             BIGINT        NOT NULL,
    member_count         INT           NOT NULL,
    member_limit         INT           NOT NULL,
    allow_member_invites BOOLEAN       NOT NULL DEFAULT FALSE,
    muted_all            BOOLEAN       NOT NULL DEFAULT FALSE,
    receipts_enabled     BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at           BIGINT        NOT NULL,
    dissolved_at         BIGINT        NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci AUTO_INCREMENT = 1001;

-- Current members only; who was a member when is kept in conversation_members (joined/left seq).
CREATE TABLE group_members (
    group_id    BIGINT     NOT NULL,
    user_id     BIGINT     NOT NULL,
    role        VARCHAR(8) NOT NULL,
    muted_until BIGINT     NULL,
    joined_at   BIGINT     NOT NULL,
    PRIMARY KEY (group_id, user_id),
    INDEX idx_group_members_user (user_id)
) ENGINE = InnoDB;

-- A former member reads up to (and including) the message that says they left.
ALTER TABLE conversation_members ADD COLUMN left_seq BIGINT NULL;
