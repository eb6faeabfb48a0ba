package io.chatforge.im.media.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code media} table: this service is its only reader and writer. */
@Component
public class MediaCatalog {
    private static final String COLUMNS = "id, owner_id, kind, content_type, size, file_name, status, width, height,"
            + " duration_ms, thumbnail, created_at, completed_at, claimed_at";

    private final JdbcTemplate jdbc;

    MediaCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Media m) {
        jdbc.update(
                "INSERT INTO media (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                m.id(),
                m.ownerId(),
                m.kind(),
                m.contentType(),
                m.size(),
                m.fileName(),
                m.status().name().toLowerCase(Locale.ROOT),
                m.width(),
                m.height(),
                m.durationMs(),
                m.thumbnail(),
                m.createdAt(),
                m.completedAt(),
                m.claimedAt());
    }

    public Optional<Media> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM media WHERE id = ?", MediaCatalog::row, id).stream()
                .findFirst();
    }

    /** Marks a pending upload ready with what was found; false when it was not pending any more. */
    public boolean markReady(long id, String contentType, Integer width, Integer height, boolean thumbnail, long now) {
        return jdbc.update(
                        "UPDATE media SET status = 'ready', content_type = ?, width = ?, height = ?, thumbnail = ?,"
                                + " completed_at = ? WHERE id = ? AND status = 'pending'",
                        contentType,
                        width,
                        height,
                        thumbnail,
                        now,
                        id)
                == 1;
    }

    /** The ready media among these ids that the given user uploaded (id -> claimed by); each is marked claimed. */
    public List<Media> claim(Map<Long, Long> claimedBy, long now) {
        if (claimedBy.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", Collections.nCopies(claimedBy.size(), "?"));
        List<Media> found = jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM media WHERE status = 'ready' AND id IN (" + in + ")",
                        MediaCatalog::row,
                        claimedBy.keySet().toArray())
                .stream()
                .filter(m -> claimedBy.get(m.id()) == m.ownerId())
                .toList();
        if (!found.isEmpty()) {
            jdbc.batchUpdate(
                    "UPDATE media SET claimed_at = ? WHERE id = ? AND claimed_at IS NULL",
                    found.stream().map(m -> new Object[] {now, m.id()}).toList());
        }
        return found;
    }

    /** Bytes a user holds (announced uploads count until they are swept). */
    public long storedBytes(long ownerId) {
        Long sum =
                jdbc.queryForObject("SELECT COALESCE(SUM(size), 0) FROM media WHERE owner_id = ?", Long.class, ownerId);
        return sum == null ? 0 : sum;
    }

    /** Uploads never completed, and completed ones never sent, created or completed before the cutoff. */
    public List<Media> orphans(long cutoff, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM media WHERE (status = 'pending' AND created_at < ?)"
                        + " OR (status = 'ready' AND claimed_at IS NULL AND completed_at < ?) LIMIT ?",
                MediaCatalog::row,
                cutoff,
                cutoff,
                limit);
    }

    /** Media that sends carried, claimed before the cutoff, after this id, in id order. */
    public List<Media> claimedAfter(long afterId, long cutoff, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM media WHERE id > ? AND claimed_at IS NOT NULL AND claimed_at < ?"
                        + " ORDER BY id LIMIT ?",
                MediaCatalog::row,
                afterId,
                cutoff,
                limit);
    }

    public void delete(long id) {
        jdbc.update("DELETE FROM media WHERE id = ?", id);
    }

    private static Media row(ResultSet rs, int i) throws SQLException {
        return new Media(
                rs.getLong("id"),
                rs.getLong("owner_id"),
                rs.getString("kind"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("file_name"),
                Media.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getObject("width", Integer.class),
                rs.getObject("height", Integer.class),
                rs.getObject("duration_ms", Long.class),
                rs.getBoolean("thumbnail"),
                rs.getLong("created_at"),
                rs.getObject("completed_at", Long.class),
                rs.getObject("claimed_at", Long.class));
    }
}
