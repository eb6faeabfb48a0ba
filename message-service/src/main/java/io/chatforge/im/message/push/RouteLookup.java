package io.chatforge.im.message.push;

import io.chatforge.im.contracts.messaging.PresenceKeys;
import io.chatforge.im.contracts.messaging.PresenceKeys.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnection;
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

    /** user -> device -> route, live routes only; users with no live device are absent. */
    @SuppressWarnings("unchecked")
    Map<Long, Map<String, Route>> devices(Collection<Long> userIds) {
        Map<Long, Map<String, Route>> routes = new HashMap<>();
        if (userIds.isEmpty()) {
            return routes;
        }
        List<Long> users = new ArrayList<>(userIds);
        List<Object> replies;
        try {
            replies = redis.executePipelined((RedisCallback<Object>) connection -> {
                for (long user : users) {
                    hashGetAll(connection, PresenceKeys.routes(user));
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("route lookup failed, deliveries wait for sync: {}", e.toString());
            return routes;
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
        return routes;
    }

    private static void hashGetAll(RedisConnection connection, String key) {
        connection.hashCommands().hGetAll(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
