package io.chatforge.im.message.push;

import io.chatforge.im.contracts.messaging.PresenceKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Who of many users is online, from the flags the connectors set before they read a device's
 * first frame (one MGET): a member who connects and syncs at once is either covered by that sync
 * or online for the next push. Cheaper than routes for large groups, where most are offline.
 */
@Component
class OnlineFlags {
    private static final Logger log = LoggerFactory.getLogger(OnlineFlags.class);

    private final StringRedisTemplate redis;

    OnlineFlags(StringRedisTemplate redis) {
        this.redis = redis;
    }

    Set<Long> online(Collection<Long> users) {
        Set<Long> online = new HashSet<>();
        if (users.isEmpty()) {
            return online;
        }
        List<Long> ordered = new ArrayList<>(users);
        try {
            List<String> flags = redis.opsForValue()
                    .multiGet(ordered.stream().map(PresenceKeys::online).toList());
            for (int i = 0; i < ordered.size(); i++) {
                if (flags != null && flags.get(i) != null) {
                    online.add(ordered.get(i));
                }
            }
        } catch (RuntimeException e) {
            log.warn("online users unknown, messages wait for sync: {}", e.toString());
        }
        return online;
    }
}
