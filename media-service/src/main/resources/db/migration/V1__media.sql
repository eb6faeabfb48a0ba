-- media-service's own table: what was uploaded, by whom, and what it turned out to be.
-- status: 'pending' until the upload is completed and checked, then 'ready'. claimed_at: the
-- first time a send carried it (a ready object never claimed is an orphan after a day).
CREATE TABLE media (
    id            BIGINT        NOT NULL PRIMARY KEY,
    owner_id      BIGINT        NOT NULL,
    kind          VARCHAR(8)    NOT NULL,
    content_type  VARCHAR(127)  NOT NULL,
    size          BIGINT        NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    status        VARCHAR(8)    NOT NULL,
    width         INT           NULL,
    height        INT           NULL,
    duration_ms   BIGINT        NULL,
    thumbnail     BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at    BIGINT        NOT NULL,
    completed_at  BIGINT        NULL,
    claimed_at    BIGINT        NULL,
    INDEX idx_media_owner (owner_id),
    INDEX idx_media_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
