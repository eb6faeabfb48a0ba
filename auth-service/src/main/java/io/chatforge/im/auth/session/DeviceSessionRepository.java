package io.chatforge.im.auth.session;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DeviceSessionRepository extends JpaRepository<DeviceSession, String> {

    List<DeviceSession> findByUserIdAndDeviceIdAndRevokedAtIsNull(long userId, String deviceId);

    List<DeviceSession> findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(long userId);

    @Modifying
    @Query("delete from DeviceSession s where s.revokedAt < :before")
    int deleteRevokedBefore(Instant before);

    @Modifying
    @Query("delete from DeviceSession s where s.revokedAt is null and s.lastRefreshedAt < :before")
    int deleteIdleBefore(Instant before);
}
