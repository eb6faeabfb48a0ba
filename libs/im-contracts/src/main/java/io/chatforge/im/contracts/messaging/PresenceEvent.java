package io.chatforge.im.contracts.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A user's first device connected ({@code online}) or last device left, on {@code im.presence}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PresenceEvent(int version, long userId, boolean online, long ts) {
    public static final int VERSION = 1;
}
