package io.chatforge.im.push.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code push_devices} table: this service is its only reader and writer. */
@Component
public class PushDevices {
    private static final String COLUMNS =
            "user_id, device_id, provider, token, endpoint, p256dh, auth, preview, locale, updated_at";

    private final JdbcTemplate jdbc;

    PushDevices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
    }

    public List<Registration> ofUser(long userId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM push_devices WHERE user_id = ? ORDER BY device_id",
                PushDevices::row,
                userId);
    }

    public boolean delete(long userId, String deviceId) {
        return jdbc.update("DELETE FROM push_devices WHERE user_id = ? AND device_id = ?", userId, deviceId) == 1;
    }

    /** Removes a registration the provider said is gone, unless the device registered anew since. */
    public void forget(Registration r) {
        jdbc.update(
                "DELETE FROM push_devices WHERE user_id = ? AND device_id = ? AND updated_at = ?",
                r.userId(),
                r.deviceId(),
                r.updatedAt());
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
