-- The message lifecycle (edit, recall, reactions, replies, mentions, forward, delete for me,
-- clear, mute and pin). Every change is an entry of the conversation's log with its own seq
-- (kind edit/recall/reaction, or delete/clear seen only by visible_to); the columns below keep
-- the state those entries produced, so history, sync and unread counts read it in one pass.
ALTER TABLE messages
    ADD COLUMN target_id      BIGINT       NULL COMMENT 'edit/recall/reaction/delete: the message changed',
    ADD COLUMN reply_to_id    BIGINT       NULL COMMENT 'a text quoting another message',
    ADD COLUMN mentions       VARCHAR(1024) NULL COMMENT 'JSON: ["all"] or user ids',
    ADD COLUMN forwarded_from BIGINT       NULL COMMENT 'a forward: who wrote the original',
    ADD COLUMN visible_to     BIGINT       NULL COMMENT 'private entries (delete, clear): their member',
    ADD COLUMN edited_text    TEXT         NULL,
    ADD COLUMN edited_at      BIGINT       NULL,
    ADD COLUMN recalled_at    BIGINT       NULL,
    ADD INDEX idx_messages_target (target_id);

-- One row per (message, emoji, user): "on" twice is once.
CREATE TABLE message_reactions (
    message_id BIGINT      NOT NULL,
    emoji      VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    user_id    BIGINT      NOT NULL,
    created_at BIGINT      NOT NULL,
    PRIMARY KEY (message_id, emoji, user_id)
) ENGINE = InnoDB;

-- Who a message mentions; user_id 0 stands for "all".
CREATE TABLE message_mentions (
    conversation_id VARCHAR(64) NOT NULL,
    seq             BIGINT      NOT NULL,
    user_id         BIGINT      NOT NULL,
    PRIMARY KEY (conversation_id, user_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Messages a member deleted for themselves.
CREATE TABLE message_hidden (
    user_id         BIGINT      NOT NULL,
    conversation_id VARCHAR(64) NOT NULL,
    seq             BIGINT      NOT NULL,
    PRIMARY KEY (user_id, conversation_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A member's own view of a conversation: cleared through a seq, muted, pinned.
ALTER TABLE conversation_members
    ADD COLUMN cleared_seq BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN muted       BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN pinned_at   BIGINT  NULL;
