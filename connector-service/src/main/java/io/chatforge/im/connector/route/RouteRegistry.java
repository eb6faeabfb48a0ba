package io.chatforge.im.connector.route;

import io.chatforge.im.connector.config.ConnectorProperties;
import io.chatforge.im.contracts.messaging.PresenceKeys;
import io.chatforge.im.contracts.messaging.PresenceKeys.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes where each connected device is (user -> device -> node and slot) and who is online,
 * in Redis, with expiries this pod keeps pushing forward while the device stays connected.
 */
@Component
public class RouteRegistry {
    private static final Logger log = LoggerFactory.getLogger(RouteRegistry.class);

    /**
     * Registers a device unless the user already has too many live ones. Returns {previous route
     * of this device or "", live devices besides this one, 1 if registered, 1 if the user was
     * offline before}.
     */
    private static final RedisScript<List> REGISTER = RedisScript.of("""
            local now = tonumber(ARGV[4])
            local others = 0
            local entries = redis.call('HGETALL', KEYS[1])
            for i = 1, #entries, 2 do
              if entries[i] ~= ARGV[1] then
                local expires = tonumber(string.match(entries[i + 1], '|(%d+)$'))
                if expires and expires > now then others = others + 1 end
              end
            end
            local previous = redis.call('HGET', KEYS[1], ARGV[1]) or ''
            if others >= tonumber(ARGV[5]) then return {previous, others, 0, 0} end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('HDEL', KEYS[3], ARGV[1])
            local wasOnline = redis.call('SET', KEYS[2], '1', 'PX', ARGV[3], 'GET')
            local firstOnline = 0
            if not wasOnline then firstOnline = 1 end
            return {previous, others, 1, firstOnline}
            """, List.class);

    /** Removes a device's route if it still points to this node; returns live devices left. */
    private static final RedisScript<Long> UNREGISTER = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if current and string.sub(current, 1, string.len(ARGV[2]) + 1) == ARGV[2] .. '|' then
              redis.call('HDEL', KEYS[1], ARGV[1])
              redis.call('HDEL', KEYS[2], ARGV[1])
            end
            local now = tonumber(ARGV[3])
            local live = 0
            local entries = redis.call('HGETALL', KEYS[1])
            for i = 1, #entries, 2 do
              local expires = tonumber(string.match(entries[i + 1], '|(%d+)$'))
              if expires and expires > now then live = live + 1 end
            end
            return live
            """, Long.class);

    /**
     * Drops the user's online flag if no device has a live route, in one step: a device that
     * registers meanwhile either runs first (its route is live, the flag stays) or after (it finds
     * no flag and announces itself online). Returns 1 if the flag was dropped.
     */
    private static final RedisScript<Long> MARK_OFFLINE_UNLESS_LIVE = RedisScript.of("""
            local now = tonumber(ARGV[1])
            local entries = redis.call('HGETALL', KEYS[1])
            for i = 2, #entries, 2 do
              local expires = tonumber(string.match(entries[i], '|(%d+)$'))
              if expires and expires > now then return 0 end
            end
            return redis.call('DEL', KEYS[2])
            """, Long.class);

    /**
     * Refreshes the routes of one user's devices on this node (ARGV[4..]) unless another node took
     * a device over meanwhile, and the user's key and online flag once: one call per user, not per
     * device. Returns per device 0 when its route was gone (pushes to it went nowhere since), else 1.
     */
    private static final RedisScript<List> REFRESH = RedisScript.of("""
            local found = {}
            for i = 4, #ARGV do
              local current = redis.call('HGET', KEYS[1], ARGV[i])
              if (not current) or string.sub(current, 1, string.len(ARGV[2]) + 1) == ARGV[2] .. '|' then
                redis.call('HSET', KEYS[1], ARGV[i], ARGV[1])
              end
              found[#found + 1] = current and 1 or 0
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
            return found
            """, List.class);

    /**
     * This node's marker: pushed forward while present; when it is gone (a Redis flush or restart,
     * or a node that stalled past its TTL) it is set again and 1 says so.
     */
    private static final RedisScript<Long> MARKER = RedisScript.of("""
            if redis.call('PEXPIRE', KEYS[1], ARGV[1]) == 1 then return 0 end
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
            return 1
            """, Long.class);

    private static final byte[] REFRESH_SCRIPT = REFRESH.getScriptAsString().getBytes(StandardCharsets.UTF_8);
    private static final int REFRESH_BATCH = 1000;

    private final ReactiveStringRedisTemplate redis;
    private final StringRedisTemplate blockingRedis;
    private final NodeIdentity node;
    private final SlotLease slots;
    private final ConnectorProperties properties;

    RouteRegistry(
            ReactiveStringRedisTemplate redis,
            StringRedisTemplate blockingRedis,
            NodeIdentity node,
            SlotLease slots,
            ConnectorProperties properties) {
        this.redis = redis;
        this.blockingRedis = blockingRedis;
        this.node = node;
        this.slots = slots;
        this.properties = properties;
    }

    public Mono<Registration> register(long userId, String deviceId) {
        long now = System.currentTimeMillis();
        long ttl = properties.routeTtl().toMillis();
        Route route = new Route(node.id(), slots.slot(), now + ttl);
        return redis.execute(
                        REGISTER,
                        List.of(
                                PresenceKeys.routes(userId),
                                PresenceKeys.online(userId),
                                PresenceKeys.background(userId)),
                        List.of(
                                deviceId,
                                route.encode(),
                                Long.toString(ttl),
                                Long.toString(now),
                                Integer.toString(properties.maxConnectionsPerUser())))
                .next()
                .map(result -> {
                    String previous = String.valueOf(result.get(0));
                    Route previousRoute = previous.isEmpty() ? null : Route.decode(previous);
                    return new Registration(
                            previousRoute != null && previousRoute.isLive(now) ? previousRoute : null,
                            ((Number) result.get(2)).intValue() == 1,
                            ((Number) result.get(3)).intValue() == 1);
                });
    }

    /**
     * The app on this device went to the background (or came back): a backgrounded device gets
     * push notifications although it is connected. Cleared when it connects again or leaves.
     */
    public Mono<Boolean> background(long userId, String deviceId, boolean background) {
        String key = PresenceKeys.background(userId);
        if (!background) {
            return redis.opsForHash().remove(key, deviceId).map(removed -> removed > 0);
        }
        return redis.opsForHash().put(key, deviceId, "1").flatMap(put -> redis.expire(key, java.time.Duration.ofDays(1))
                .thenReturn(put));
    }

    /** Live devices the user still has anywhere after this one left. */
    public Mono<Long> unregister(long userId, String deviceId) {
        return redis.execute(
                        UNREGISTER,
                        List.of(PresenceKeys.routes(userId), PresenceKeys.background(userId)),
                        List.of(deviceId, node.id(), Long.toString(System.currentTimeMillis())))
                .next();
    }

    /**
     * The debounced offline: true when the user has no live device anywhere and was marked online
     * until now. Checking and dropping the flag in separate steps lost a device that reconnected
     * between them: it found the flag still set, so announced nothing, and was then taken offline.
     */
    public Mono<Boolean> markOfflineUnlessLive(long userId) {
        return redis.execute(
                        MARK_OFFLINE_UNLESS_LIVE,
                        List.of(PresenceKeys.routes(userId), PresenceKeys.online(userId)),
                        List.of(Long.toString(System.currentTimeMillis())))
                .next()
                .map(dropped -> dropped > 0);
    }

    /**
     * Pushes every local route's expiry forward (and rewrites routes lost to a Redis flush or a
     * changed slot): one script call per user (all of its devices here), pipelined by about 1,000
     * devices on a pooled connection, because a reactive call per device cost the connector about a
     * quarter of its idle CPU at 10,000 connections. Returns the devices whose route was gone (they
     * missed pushes); a failure is logged and retried at the next interval, well within the TTL.
     */
    public List<RoutedDevice> refresh(List<RoutedDevice> live) {
        if (live.isEmpty()) {
            return List.of();
        }
        long now = System.currentTimeMillis();
        long ttl = properties.routeTtl().toMillis();
        byte[] value = bytes(new Route(node.id(), slots.slot(), now + ttl).encode());
        byte[] nodeId = bytes(node.id());
        byte[] ttlMillis = bytes(Long.toString(ttl));
        List<List<RoutedDevice>> users = byUser(live);
        List<RoutedDevice> lost = new ArrayList<>();
        try {
            // after a Redis restart the script is not cached: load it once per refresh, not per call
            String sha = blockingRedis.execute(
                    (RedisCallback<String>) c -> c.scriptingCommands().scriptLoad(REFRESH_SCRIPT));
            for (List<List<RoutedDevice>> batch : batches(users, REFRESH_BATCH)) {
                List<Object> results = blockingRedis.executePipelined((RedisCallback<Object>) c -> {
                    for (List<RoutedDevice> devices : batch) {
                        long userId = devices.get(0).userId();
                        byte[][] keysAndArgs = new byte[5 + devices.size()][];
                        keysAndArgs[0] = bytes(PresenceKeys.routes(userId));
                        keysAndArgs[1] = bytes(PresenceKeys.online(userId));
                        keysAndArgs[2] = value;
                        keysAndArgs[3] = nodeId;
                        keysAndArgs[4] = ttlMillis;
                        for (int i = 0; i < devices.size(); i++) {
                            keysAndArgs[5 + i] = bytes(devices.get(i).deviceId());
                        }
                        c.scriptingCommands().evalSha(sha, ReturnType.MULTI, 2, keysAndArgs);
                    }
                    return null;
                });
                for (int u = 0; u < batch.size() && u < results.size(); u++) {
                    lost.addAll(lostOf(batch.get(u), results.get(u)));
                }
            }
        } catch (RuntimeException e) {
            log.warn("route refresh failed: {}", e.toString());
        }
        return lost;
    }

    /** The devices, grouped by user (each group non-empty), in the order users first appear. */
    static List<List<RoutedDevice>> byUser(List<RoutedDevice> devices) {
        Map<Long, List<RoutedDevice>> users = new LinkedHashMap<>();
        devices.forEach(
                d -> users.computeIfAbsent(d.userId(), u -> new ArrayList<>(2)).add(d));
        return new ArrayList<>(users.values());
    }

    /** Consecutive groups of users holding about {@code devices} devices each (a user is never split). */
    static List<List<List<RoutedDevice>>> batches(List<List<RoutedDevice>> users, int devices) {
        List<List<List<RoutedDevice>>> batches = new ArrayList<>();
        List<List<RoutedDevice>> current = new ArrayList<>();
        int size = 0;
        for (List<RoutedDevice> user : users) {
            if (size > 0 && size + user.size() > devices) {
                batches.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(user);
            size += user.size();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** The devices of one user the script found without a route (0 at their place). */
    static List<RoutedDevice> lostOf(List<RoutedDevice> devices, Object result) {
        if (!(result instanceof List<?> found)) {
            return List.of(); // an error reply for this user: retried at the next refresh
        }
        List<RoutedDevice> lost = new ArrayList<>();
        for (int i = 0; i < devices.size() && i < found.size(); i++) {
            if (found.get(i) instanceof Number n && n.longValue() == 0) {
                lost.add(devices.get(i));
            }
        }
        return lost;
    }

    /** True when this node's marker was gone, i.e. Redis lost what this node wrote (checked every second). */
    public boolean markerLost() {
        Long lost = blockingRedis.execute(
                MARKER,
                List.of("im:node:" + node.id()),
                Long.toString(properties.routeTtl().toMillis()));
        return lost != null && lost == 1;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param previous the live route this device had before (maybe on another pod), or null
     * @param registered false when the user has too many devices connected
     * @param firstOnline true when the user was offline before this device
     */
    public record Registration(Route previous, boolean registered, boolean firstOnline) {}
}
