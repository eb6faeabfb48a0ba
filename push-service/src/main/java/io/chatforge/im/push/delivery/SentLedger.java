package io.chatforge.im.push.delivery;

import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At most one push per message and device: a push is sent only by whoever records it first, so a
 * redelivered event, a restarted consumer or a second instance never pushes it again. Recorded
 * before sending: a crash in between loses that push rather than sending it twice.
 */
@Component
class SentLedger {
    private static final Duration KEPT = Duration.ofDays(3);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SentLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean claim(long userId, String deviceId, long msgId) {
        return jdbc.update(
                        "INSERT IGNORE INTO push_sent (user_id, device_id, msg_id, sent_at) VALUES (?,?,?,?)",
                        userId,
                        deviceId,
                        msgId,
                        clock.millis())
                == 1;
    }

    /** Whether this message was pushed to this device (a recall then replaces that notification). */
    boolean pushed(long userId, String deviceId, long msgId) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM push_sent WHERE user_id = ? AND device_id = ? AND msg_id = ?",
                        Integer.class,
                        userId,
                        deviceId,
                        msgId)
                .isEmpty();
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void forgetOld() {
        jdbc.update("DELETE FROM push_sent WHERE sent_at < ?", clock.millis() - KEPT.toMillis());
    }
}
