package io.chatforge.im.message.push;

import io.chatforge.im.contracts.messaging.PresenceKeys;
import io.chatforge.im.contracts.messaging.PresenceKeys.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Where users' devices are connected, for many users in one pipelined Redis round trip. Only
 * live routes count (their connector keeps refreshing them); if Redis cannot answer, nobody is
 * routed and every message waits for sync.
 */
@Component
class RouteLookup {
    private static final Logger log = LoggerFactory.getLogger(RouteLookup.class);

    private final StringRedisTemplate redis;

    RouteLookup(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * Where these users' devices are connected (live routes only; users with no live device have
     * none), and which of {@code pushCandidates} registered a device for push notifications: one
     * pipelined round trip for both. If Redis cannot answer, nobody is routed or registered.
     */
    @SuppressWarnings("unchecked")
    Recipients recipients(Collection<Long> userIds, Collection<Long> pushCandidates) {
        Map<Long, Map<String, Route>> routes = new HashMap<>();
        Set<Long> registered = new HashSet<>();
        if (userIds.isEmpty() && pushCandidates.isEmpty()) {
            return new Recipients(routes, registered);
        }
        List<Long> users = new ArrayList<>(userIds);
        List<Long> candidates = new ArrayList<>(pushCandidates);
        List<Object> replies;
        try {
            replies = redis.executePipelined((RedisCallback<Object>) connection -> {
                for (long user : users) {
                    connection.hashCommands().hGetAll(bytes(PresenceKeys.routes(user)));
                }
                if (!candidates.isEmpty()) {
                    connection
                            .setCommands()
                            .sMIsMember(
                                    bytes(PresenceKeys.pushUsers()),
                                    candidates.stream()
                                            .map(u -> bytes(Long.toString(u)))
                                            .toArray(byte[][]::new));
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("route lookup failed, deliveries wait for sync: {}", e.toString());
            return new Recipients(routes, registered);
        }
        long now = System.currentTimeMillis();
        for (int i = 0; i < users.size(); i++) {
            Object reply = replies.get(i);
            if (!(reply instanceof Map<?, ?> entries) || entries.isEmpty()) {
                continue;
            }
            Map<String, Route> live = new HashMap<>();
            ((Map<String, String>) entries).forEach((device, value) -> {
                Route route = Route.decode(value);
                if (route.isLive(now)) {
                    live.put(device, route);
                }
            });
            if (!live.isEmpty()) {
                routes.put(users.get(i), live);
            }
        }
        if (!candidates.isEmpty() && replies.get(users.size()) instanceof List<?> members) {
            for (int i = 0; i < candidates.size(); i++) {
                if (Boolean.TRUE.equals(members.get(i))) {
                    registered.add(candidates.get(i));
                }
            }
        }
        return new Recipients(routes, registered);
    }

    /**
     * For users with a live device: which of their devices are registered for push notifications,
     * and which connected ones are in the background; one pipelined round trip. Empty when Redis
     * cannot answer (no push then: the devices are connected).
     */
    Map<Long, PushTargets.Devices> pushDevices(Collection<Long> userIds) {
        Map<Long, PushTargets.Devices> out = new HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        List<Long> users = new ArrayList<>(userIds);
        List<Object> replies;
        try {
            replies = redis.executePipelined((RedisCallback<Object>) connection -> {
                for (long user : users) {
                    connection.setCommands().sMembers(bytes(PresenceKeys.pushDevices(user)));
                    connection.hashCommands().hKeys(bytes(PresenceKeys.background(user)));
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("push device lookup failed: {}", e.toString());
            return out;
        }
        for (int i = 0; i < users.size(); i++) {
            out.put(
                    users.get(i),
                    new PushTargets.Devices(strings(replies.get(2 * i)), strings(replies.get(2 * i + 1))));
        }
        return out;
    }

    private static java.util.Set<String> strings(Object reply) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (reply instanceof Collection<?> values) {
            values.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    private static byte[] bytes(String key) {
        return key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
