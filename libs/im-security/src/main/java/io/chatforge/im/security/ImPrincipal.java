package io.chatforge.im.security;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: the verified user, the device the token was issued to, and the device session
 * (token family) it belongs to. Controllers receive it with {@code @AuthenticationPrincipal}.
 */
public record ImPrincipal(long userId, String deviceId, String sessionId) {

    public static ImPrincipal from(Jwt jwt) {
        return new ImPrincipal(
                Long.parseLong(jwt.getSubject()),
                jwt.getClaimAsString(AccessTokenClaims.DEVICE_ID),
                jwt.getClaimAsString(AccessTokenClaims.SESSION_ID));
    }
}
