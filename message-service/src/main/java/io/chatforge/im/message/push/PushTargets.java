package io.chatforge.im.message.push;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which devices of a user with a live connection still get a push notification of a new message:
 * those registered for push that are not connected, or connected with their app in the background.
 * A user with no live connection at all is told on every registered device (no list).
 */
final class PushTargets {
    private PushTargets() {}

    /** A user's devices registered for push, and their connected ones in the background. */
    record Devices(Set<String> registered, Set<String> background) {}

    static List<String> of(Devices devices, Collection<String> connected) {
        return devices.registered().stream()
                .filter(device ->
                        !connected.contains(device) || devices.background().contains(device))
                .sorted()
                .toList();
    }
}
