package io.chatforge.im.message.group;

import io.chatforge.im.contracts.messaging.PresenceKeys;
import io.chatforge.im.message.delivery.DeliveryPublisher;
import io.chatforge.im.message.delivery.Recipients;
import io.chatforge.im.message.delivery.RouteLookup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Delivery to a group's online members, at a cost proportional to those online, not to all
 * members: each group keeps a Redis set of its online members ({@code im:group-online:{id}}),
 * updated when users come and go (presence) and when members join or leave. A send reads that
 * set, looks up those members' routes in one pipelined round trip, and produces one delivery per
 * member and connector slot. After a Redis flush a set is rebuilt once from the member list.
 */
@Component
public class GroupFanout {
    private static final Logger log = LoggerFactory.getLogger(GroupFanout.class);
    /** keeps an existing-but-empty set distinguishable from a lost one */
    private static final String SENTINEL = "0";

    private final StringRedisTemplate redis;
    private final GroupStore groups;
    private final RouteLookup routes;
    private final DeliveryPublisher deliveries;

    GroupFanout(StringRedisTemplate redis, GroupStore groups, RouteLookup routes, DeliveryPublisher deliveries) {
        this.redis = redis;
        this.groups = groups;
        this.routes = routes;
        this.deliveries = deliveries;
    }

    /** The group's members that are online now. */
    public Set<Long> onlineMembers(long groupId) {
        try {
            Set<String> members = redis.opsForSet().members(key(groupId));
            if (members == null || members.isEmpty()) {
                return rebuild(groupId);
            }
            Set<Long> online = new HashSet<>();
            for (String m : members) {
                if (!SENTINEL.equals(m)) {
                    online.add(Long.parseLong(m));
                }
            }
            return online;
        } catch (RuntimeException e) {
            log.warn("online members of group {} unknown, messages wait for sync: {}", groupId, e.toString());
            return new HashSet<>();
        }
    }

    /** Pushes a frame to the online members' devices (the sender's own device excepted). */
    public void deliver(long groupId, String frame, long senderId, String senderDevice) {
        deliver(onlineMembers(groupId), frame, senderId, senderDevice);
    }

    /** Pushes a frame to these online members and the sender's other devices, looking up their routes. */
    public void deliver(Set<Long> online, String frame, long senderId, String senderDevice) {
        Set<Long> targets = new HashSet<>(online);
        targets.add(senderId);
        deliver(online, new Recipients(routes.devices(targets)), frame, senderId, senderDevice);
    }

    /**
     * Pushes a frame to the online members and the sender's other devices, with routes the caller
     * already looked up (a send batch looks up every recipient of all its messages at once).
     */
    public void deliver(Set<Long> online, Recipients recipients, String frame, long senderId, String senderDevice) {
        for (long member : online) {
            if (member != senderId && recipients.isOnline(member)) {
                deliveries.toUser(member, recipients.of(member), null, frame);
            }
        }
        if (recipients.isOnline(senderId)) {
            deliveries.toUser(senderId, recipients.of(senderId), senderDevice, frame);
        }
    }

    /** A user came online: they join the online set of each of their groups. */
    public void userOnline(long userId) {
        update(userId, true);
    }

    public void userOffline(long userId) {
        update(userId, false);
    }

    /** New members that are online right now join the online set; those who left, leave it. */
    public void membersJoined(long groupId, List<Long> userIds) {
        try {
            List<String> flags = redis.opsForValue()
                    .multiGet(userIds.stream().map(PresenceKeys::online).toList());
            List<String> online = new ArrayList<>();
            for (int i = 0; i < userIds.size(); i++) {
                if (flags != null && flags.get(i) != null) {
                    online.add(Long.toString(userIds.get(i)));
                }
            }
            if (!online.isEmpty() && Boolean.TRUE.equals(redis.hasKey(key(groupId)))) {
                redis.opsForSet().add(key(groupId), online.toArray(String[]::new));
            }
        } catch (RuntimeException e) {
            log.warn("online set of group {} not updated: {}", groupId, e.toString());
        }
    }

    public void membersLeft(long groupId, List<Long> userIds) {
        try {
            redis.opsForSet()
                    .remove(key(groupId), userIds.stream().map(String::valueOf).toArray());
        } catch (RuntimeException e) {
            log.warn("online set of group {} not updated: {}", groupId, e.toString());
        }
    }

    public void dissolved(long groupId) {
        try {
            redis.delete(key(groupId));
        } catch (RuntimeException ignored) {
            // it expires with nothing left to deliver
        }
    }

    /**
     * Presence events can arrive late (an "offline" of a user who is back already): the user's
     * online key, kept by the connectors, decides what is true now.
     */
    private void update(long userId, boolean online) {
        try {
            if (online != Boolean.TRUE.equals(redis.hasKey(PresenceKeys.online(userId)))) {
                return; // stale: a later event says otherwise
            }
            for (long groupId : groups.groupsOf(userId)) {
                if (online) {
                    if (Boolean.TRUE.equals(redis.hasKey(key(groupId)))) {
                        redis.opsForSet().add(key(groupId), Long.toString(userId));
                    }
                } else {
                    redis.opsForSet().remove(key(groupId), Long.toString(userId));
                }
            }
        } catch (RuntimeException e) {
            log.warn("group presence of user {} not updated: {}", userId, e.toString());
        }
    }

    /** After a Redis flush (or the first send): members that are online, from the member list. */
    private Set<Long> rebuild(long groupId) {
        List<Long> members = groups.memberIds(groupId);
        Set<Long> online = new HashSet<>();
        if (!members.isEmpty()) {
            List<String> flags = redis.opsForValue()
                    .multiGet(members.stream().map(PresenceKeys::online).toList());
            for (int i = 0; i < members.size(); i++) {
                if (flags != null && flags.get(i) != null) {
                    online.add(members.get(i));
                }
            }
        }
        List<String> values = new ArrayList<>();
        values.add(SENTINEL);
        online.forEach(u -> values.add(Long.toString(u)));
        redis.opsForSet().add(key(groupId), values.toArray(String[]::new));
        return online;
    }

    private static String key(long groupId) {
        return "im:group-online:{" + groupId + "}";
    }
}
