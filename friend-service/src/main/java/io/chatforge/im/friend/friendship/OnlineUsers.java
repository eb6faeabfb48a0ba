package io.chatforge.im.friend.friendship;

import io.chatforge.im.contracts.messaging.PresenceKeys;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Who of a page of friends is online, from the presence keys the connectors keep (one MGET). */
@Component
class OnlineUsers {
    private static final Logger log = LoggerFactory.getLogger(OnlineUsers.class);

    private final StringRedisTemplate redis;

    OnlineUsers(StringRedisTemplate redis) {
        this.redis = redis;
    }

    Set<Long> among(List<Long> userIds) {
        Set<Long> online = new HashSet<>();
        if (userIds.isEmpty()) {
            return online;
        }
        try {
            List<String> flags = redis.opsForValue()
                    .multiGet(userIds.stream().map(PresenceKeys::online).toList());
            for (int i = 0; i < userIds.size(); i++) {
                if (flags != null && flags.get(i) != null) {
                    online.add(userIds.get(i));
                }
            }
        } catch (RuntimeException e) {
            log.warn("presence unavailable, everyone shown offline: {}", e.toString());
        }
        return online;
    }
}
