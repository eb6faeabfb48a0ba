package io.chatforge.im.contracts.frame;

/** Who sent a message: the user and the device it came from. */
public record Sender(long userId, String deviceId) {}
