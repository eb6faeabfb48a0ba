package io.chatforge.im.security;

import java.time.Duration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/** The checks every service applies to an access token after its signature was verified. */
public final class AccessTokenValidators {

    private AccessTokenValidators() {}

    public static OAuth2TokenValidator<Jwt> of(String issuer, Duration clockSkew) {
        return of(issuer, clockSkew, null);
    }

    /** Also refuses tokens of revoked device sessions when a check is given. */
    public static OAuth2TokenValidator<Jwt> of(String issuer, Duration clockSkew, RevokedSessionCheck revoked) {
        RevokedSessionCheck check = revoked != null ? revoked : sessionId -> false;
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(clockSkew),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, AccessTokenValidators::isUserId),
                new JwtClaimValidator<String>(AccessTokenClaims.DEVICE_ID, AccessTokenValidators::hasText),
                new JwtClaimValidator<String>(AccessTokenClaims.SESSION_ID, AccessTokenValidators::hasText),
                new JwtClaimValidator<String>(
                        AccessTokenClaims.SESSION_ID, sid -> sid == null || !check.isRevoked(sid)));
    }

    private static boolean isUserId(String sub) {
        if (sub == null || sub.isEmpty() || sub.length() > 19) {
            return false;
        }
        for (int i = 0; i < sub.length(); i++) {
            if (!Character.isDigit(sub.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
