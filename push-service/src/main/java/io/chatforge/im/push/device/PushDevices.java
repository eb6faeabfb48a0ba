package io.chatforge.im.push.device;

import io.chatforge.im.contracts.messaging.PresenceKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code push_devices} table (this service is its only reader and writer), mirrored as a
 * Redis set of device ids per user, which message-service reads to tell a connected user's other
 * devices (not connected, or in the background) of new messages.
 */
@Component
public class PushDevices {
    private static final String COLUMNS =
            "user_id, device_id, provider, token, endpoint, p256dh, auth, preview, locale, updated_at";

    private final JdbcTemplate jdbc;
    private final StringRedisTemplate redis;

    PushDevices(JdbcTemplate jdbc, StringRedisTemplate redis) {
        this.jdbc = jdbc;
        this.redis = redis;
    }

    /** Registers a device, replacing what it had registered before. */
    public void save(Registration r) {
        jdbc.update(
                "REPLACE INTO push_devices (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?)",
                r.userId(),
                r.deviceId(),
                r.provider(),
                r.token(),
                r.endpoint(),
                r.p256dh(),
                r.auth(),
                r.preview(),
                r.locale(),
                r.updatedAt());
        redis.opsForSet().add(PresenceKeys.pushDevices(r.userId()), r.deviceId());
        redis.opsForSet().add(PresenceKeys.pushUsers(), Long.toString(r.userId()));
    }

    /** A user whose last registration went is no longer among those message-service looks for. */
    private void forgetUserIfNone(long userId) {
        if (ofUser(userId).isEmpty()) {
            redis.opsForSet().remove(PresenceKeys.pushUsers(), Long.toString(userId));
        }
    }

    public List<Registration> ofUser(long userId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM push_devices WHERE user_id = ? ORDER BY device_id",
                PushDevices::row,
                userId);
    }

    public boolean delete(long userId, String deviceId) {
        boolean deleted =
                jdbc.update("DELETE FROM push_devices WHERE user_id = ? AND device_id = ?", userId, deviceId) == 1;
        redis.opsForSet().remove(PresenceKeys.pushDevices(userId), deviceId);
        forgetUserIfNone(userId);
        return deleted;
    }

    /** Removes a registration the provider said is gone, unless the device registered anew since. */
    public void forget(Registration r) {
        int deleted = jdbc.update(
                "DELETE FROM push_devices WHERE user_id = ? AND device_id = ? AND updated_at = ?",
                r.userId(),
                r.deviceId(),
                r.updatedAt());
        if (deleted == 1) {
            redis.opsForSet().remove(PresenceKeys.pushDevices(r.userId()), r.deviceId());
            forgetUserIfNone(r.userId());
        }
    }

    private static Registration row(ResultSet rs, int i) throws SQLException {
        return new Registration(
                rs.getLong("user_id"),
                rs.getString("device_id"),
                rs.getString("provider"),
                rs.getString("token"),
                rs.getString("endpoint"),
                rs.getString("p256dh"),
                rs.getString("auth"),
                rs.getBoolean("preview"),
                rs.getString("locale"),
                rs.getLong("updated_at"));
    }
}
