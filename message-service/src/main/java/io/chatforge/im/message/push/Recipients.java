package io.chatforge.im.message.push;

import io.chatforge.im.contracts.messaging.PresenceKeys.Route;
import java.util.Map;

/** The live routes of the users a batch concerns, looked up once per batch. */
record Recipients(Map<Long, Map<String, Route>> routes) {

    Map<String, Route> of(long userId) {
        return routes.getOrDefault(userId, Map.of());
    }

    boolean isOnline(long userId) {
        return routes.containsKey(userId);
    }
}
