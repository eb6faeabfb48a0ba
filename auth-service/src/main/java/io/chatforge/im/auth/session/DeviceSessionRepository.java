package io.chatforge.im.auth.session;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DeviceSessionRepository extends JpaRepository<DeviceSession, String> {

    /**
     * The device's live sessions, locked until the transaction ends (with the gap where a new one
     * would go), so concurrent logins of one device replace each other one at a time.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from DeviceSession s where s.userId = :userId and s.deviceId = :deviceId and s.revokedAt is null")
    List<DeviceSession> lockLiveOfDevice(long userId, String deviceId);

    List<DeviceSession> findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(long userId);

    @Modifying
    @Query("delete from DeviceSession s where s.revokedAt < :before")
    int deleteRevokedBefore(Instant before);

    @Modifying
    @Query("delete from DeviceSession s where s.revokedAt is null and s.lastRefreshedAt < :before")
    int deleteIdleBefore(Instant before);
}
