package io.chatforge.im.connector.route;

/** A device connected to this node, as the route registry knows it: whose, and which. */
public record RoutedDevice(long userId, String deviceId) {}
