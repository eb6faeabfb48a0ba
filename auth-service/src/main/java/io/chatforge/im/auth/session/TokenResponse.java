package io.chatforge.im.auth.session;

/** What login and refresh return. {@code expiresIn} is the access token's lifetime in seconds. */
record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn, long userId) {}
