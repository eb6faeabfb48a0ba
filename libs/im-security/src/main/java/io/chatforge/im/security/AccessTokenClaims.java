package io.chatforge.im.security;

/** Claim names of ChatForge access tokens (besides the registered ones: sub, jti, iat, exp, iss). */
public final class AccessTokenClaims {
    /** The device the token was issued to. */
    public static final String DEVICE_ID = "did";
    /** The device session (refresh-token family); logout revokes it. */
    public static final String SESSION_ID = "sid";

    private AccessTokenClaims() {}
}
