-- Media messages (image, file, audio, video): the row keeps the caption in content and what
-- media-service recorded of the object in media (JSON); message_media says which messages
-- carry which object, for download rights and for removing objects nothing carries any more.
ALTER TABLE messages ADD COLUMN media VARCHAR(2048) NULL COMMENT 'JSON: a media message''s object';

CREATE TABLE message_media (
    msg_id          BIGINT      NOT NULL PRIMARY KEY,
    media_id        BIGINT      NOT NULL,
    conversation_id VARCHAR(64) NOT NULL,
    seq             BIGINT      NOT NULL,
    INDEX idx_message_media_media (media_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
