-- Conversations and their sequence numbers. last_seq is the authority for the next seq: it is
-- read FOR UPDATE and advanced in the transaction that stores the messages, so seqs are strictly
-- increasing and gap-free per conversation whatever restarts or cache flushes happen.
-- Times are epoch milliseconds (BIGINT): exact, zone-free and cheap to compare.
CREATE TABLE conversations (
    id              VARCHAR(64) NOT NULL PRIMARY KEY,
    kind            VARCHAR(16) NOT NULL,
    last_seq        BIGINT      NOT NULL DEFAULT 0,
    last_message_at BIGINT      NULL,
    created_at      BIGINT      NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who is in a conversation, and how far each member has read (read_seq) and received
-- (delivered_seq). peer_id is the other user of a direct conversation.
CREATE TABLE conversation_members (
    user_id         BIGINT      NOT NULL,
    conversation_id VARCHAR(64) NOT NULL,
    peer_id         BIGINT      NULL,
    read_seq        BIGINT      NOT NULL DEFAULT 0,
    delivered_seq   BIGINT      NOT NULL DEFAULT 0,
    joined_seq      BIGINT      NOT NULL DEFAULT 0,
    created_at      BIGINT      NOT NULL,
    PRIMARY KEY (user_id, conversation_id),
    INDEX idx_members_conversation (conversation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The seed's messages table, grown. The primary key (conversation_id, seq) keeps a
-- conversation's messages together for sync and history; (sender_id, client_msg_id) makes a
-- client's retry land on the message it already created.
CREATE TABLE messages (
    conversation_id  VARCHAR(64)  NOT NULL,
    seq              BIGINT       NOT NULL,
    id               BIGINT       NOT NULL,
    sender_id        BIGINT       NOT NULL,
    sender_device_id VARCHAR(64)  NOT NULL,
    receiver_id      BIGINT       NULL,
    client_msg_id    VARCHAR(64)  NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    content          TEXT         NOT NULL,
    created_at       BIGINT       NOT NULL,
    PRIMARY KEY (conversation_id, seq),
    CONSTRAINT uk_messages_id UNIQUE (id),
    CONSTRAINT uk_messages_sender_client UNIQUE (sender_id, client_msg_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
