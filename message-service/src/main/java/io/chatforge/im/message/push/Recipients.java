package io.chatforge.im.message.push;

import io.chatforge.im.contracts.messaging.PresenceKeys.Route;
import java.util.Map;
import java.util.Set;

/**
 * The live routes of the users a batch concerns, and which of its push candidates registered a
 * device for push notifications; looked up once per batch.
 */
record Recipients(Map<Long, Map<String, Route>> routes, Set<Long> pushRegistered) {

    Map<String, Route> of(long userId) {
        return routes.getOrDefault(userId, Map.of());
    }

    boolean isOnline(long userId) {
        return routes.containsKey(userId);
    }

    boolean hasPushDevices(long userId) {
        return pushRegistered.contains(userId);
    }
}
