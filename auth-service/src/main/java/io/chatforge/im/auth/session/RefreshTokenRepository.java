package io.chatforge.im.auth.session;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, String> {

    /** Spends a token; 0 rows means another request spent it first. */
    @Modifying
    @Query("update RefreshToken t set t.usedAt = :now where t.tokenHash = :hash and t.usedAt is null")
    int spend(String hash, Instant now);

    @Modifying
    @Query("delete from RefreshToken t where t.expiresAt < :before")
    int deleteExpiredBefore(Instant before);
}
