package io.chatforge.im.message.permission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The friend lists presence changes go to, kept by this instance: asked of friend-service once,
 * dropped when {@code im.social} says a friendship of the user changed ({@link RelationEvents}),
 * all dropped on a gap ({@link RelationGaps}). A list fetched while any change arrived is not kept:
 * it may predate the change. Bounded by the friend ids held; the least recently used lists go first.
 */
@Component
public class FriendLists {
    private final FriendListClient friendService;
    private final long maxIds;
    private final LinkedHashMap<Long, long[]> lists = new LinkedHashMap<>(1024, 0.75f, true);
    private final Counter hits;
    private final Counter misses;
    private long heldIds;
    /** counts the changes seen; a fetch that overlapped one is not kept */
    private long epoch;

    FriendLists(
            FriendListClient friendService,
            @Value("${im.message.friend-list-cache-ids:2000000}") long maxIds,
            MeterRegistry meters) {
        this.friendService = friendService;
        this.maxIds = maxIds;
        this.hits = counter(meters, "kept");
        this.misses = counter(meters, "fetched");
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("im.message.friend-lists")
                .tag("result", result)
                .description(
                        "friend lists for presence: answered from this instance's copy, or asked of friend-service")
                .register(meters);
    }

    /** The user's friends if this instance holds their list. */
    public synchronized Optional<List<Long>> kept(long userId) {
        long[] ids = lists.get(userId);
        if (ids == null) {
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(Arrays.stream(ids).boxed().toList());
    }

    /** Asks friend-service (a remote call: wrap it in a breaker) and keeps the answer. */
    public List<Long> fetch(long userId) {
        long seen;
        synchronized (this) {
            seen = epoch;
        }
        misses.increment();
        List<Long> ids = friendService.friendIds(userId);
        synchronized (this) {
            if (epoch == seen) {
                keep(userId, ids.stream().mapToLong(Long::longValue).toArray());
            }
        }
        return ids;
    }

    /** A friendship or block between the two changed. */
    synchronized void changed(long userId, long otherUserId) {
        epoch++;
        drop(userId);
        drop(otherUserId);
    }

    synchronized void forgetAll() {
        epoch++;
        lists.clear();
        heldIds = 0;
    }

    synchronized long heldIds() {
        return heldIds;
    }

    private void keep(long userId, long[] ids) {
        if (ids.length > maxIds) {
            return;
        }
        drop(userId);
        lists.put(userId, ids);
        heldIds += ids.length;
        var eldest = lists.entrySet().iterator();
        while (heldIds > maxIds && eldest.hasNext()) {
            heldIds -= eldest.next().getValue().length;
            eldest.remove();
        }
    }

    private void drop(long userId) {
        long[] old = lists.remove(userId);
        if (old != null) {
            heldIds -= old.length;
        }
    }
}
