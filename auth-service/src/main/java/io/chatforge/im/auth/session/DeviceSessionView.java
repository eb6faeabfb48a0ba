package io.chatforge.im.auth.session;

import java.time.Instant;

/** One of the caller's logged-in devices; {@code current} marks the one asking. */
record DeviceSessionView(
        String sessionId,
        String deviceId,
        String deviceType,
        Instant createdAt,
        Instant lastRefreshedAt,
        boolean current) {}
