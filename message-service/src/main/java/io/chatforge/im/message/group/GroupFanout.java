package io.chatforge.im.message.group;

import io.chatforge.im.contracts.messaging.PresenceKeys;
import io.chatforge.im.message.delivery.DeliveryPublisher;
import io.chatforge.im.message.delivery.Recipients;
import io.chatforge.im.message.delivery.RouteLookup;
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
 * Delivery to a group's online members. Who is online is read at delivery time from the online
 * flags the connectors set before they read a device's first frame (one MGET for a group's
 * members), so a member who connects and syncs at once is either covered by that sync or online
 * for the next message's push; then only those members' routes are looked up (one pipelined round
 * trip) and one delivery produced per member and connector slot. Members come from the database:
 * for a send, as of the moment it was stored ({@code MessageStore}).
 */
@Component
public class GroupFanout {
    private static final Logger log = LoggerFactory.getLogger(GroupFanout.class);

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

    /** Those of these members whose online flag is set now. */
    public Set<Long> online(Collection<Long> members) {
        Set<Long> online = new HashSet<>();
        if (members == null || members.isEmpty()) {
            return online;
        }
        List<Long> ordered = new ArrayList<>(members);
        try {
            List<String> flags = redis.opsForValue()
                    .multiGet(ordered.stream().map(PresenceKeys::online).toList());
            for (int i = 0; i < ordered.size(); i++) {
                if (flags != null && flags.get(i) != null) {
                    online.add(ordered.get(i));
                }
            }
        } catch (RuntimeException e) {
            log.warn("online members unknown, messages wait for sync: {}", e.toString());
        }
        return online;
    }

    /** The group's current members that are online now. */
    public Set<Long> onlineMembers(long groupId) {
        return online(groups.memberIds(groupId));
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
}
