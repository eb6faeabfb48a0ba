package io.chatforge.im.auth.session;

import io.chatforge.im.auth.token.TokenProperties;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Refresh tokens as stored: only their hash, with the session they renew and their expiry. A
 * token is spent once; the value handed out is never kept.
 */
@Component
class RefreshTokenLedger {
    private final RefreshTokenRepository tokens;
    private final TokenProperties properties;

    RefreshTokenLedger(RefreshTokenRepository tokens, TokenProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    /** A new token for the session; returns the value to hand out. */
    String issue(String sessionId, Instant now) {
        String value = RefreshTokens.newValue();
        tokens.save(new RefreshToken(RefreshTokens.hash(value), sessionId, now, now.plus(properties.refreshTtl())));
        return value;
    }

    Optional<RefreshToken> find(String hash) {
        return tokens.findById(hash);
    }

    /** Marks the token spent; false when it was spent already (by a concurrent refresh). */
    boolean spend(String hash, Instant now) {
        return tokens.spend(hash, now) > 0;
    }
}
