package io.chatforge.im.message.permission;

import io.chatforge.im.contracts.social.Relation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * message-service's own copy of how pairs of users stand, so that sending between friends needs
 * no call to friend-service. A pair is fetched from friend-service once (its answer carries the
 * pair's version); every change of a pair then arrives on {@code im.social} with the version it
 * made, and a copy older than that is dropped, to be fetched again on the pair's next message. A
 * pair never seen, or dropped, is unknown: callers fail closed for it. A gap in the event stream
 * (this instance's consumer started or was reassigned) drops everything. Copies do not expire by
 * age: expiring them all at once made every pair a miss at the same moment (a burst of calls that
 * timed out a loaded friend-service and refused sends), and the events keep them current.
 */
@Component
public class RelationView {
    private final int capacity;
    /** by pair (lower id first), as friend-service answered: oriented low to high */
    private final Map<Key, Relation> known;
    /** the newest version each recently changed pair reached, so an older answer in flight is not kept */
    private final Map<Key, Long> changed;

    private long epoch;

    RelationView(@Value("${im.message.relation-view-size:200000}") int capacity) {
        this.capacity = capacity;
        this.known = lru(capacity);
        this.changed = lru(Math.max(1024, capacity / 4));
    }

    /** How {@code a} and {@code b} stand ({@code a} first), if this instance knows it. */
    public synchronized Optional<Relation> get(long a, long b) {
        Relation stored = known.get(Key.of(a, b));
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(stored.a() == a ? stored : stored.reversed());
    }

    /** Marks where a fetch starts: answers fetched across a gap are not kept. */
    public synchronized long epoch() {
        return epoch;
    }

    /** Keeps a fetched answer, unless a newer change of the pair was seen or a gap came since. */
    public synchronized void learn(Relation fetched, long fetchedInEpoch) {
        if (fetchedInEpoch != epoch || fetched.version() < 0) {
            return;
        }
        Key key = Key.of(fetched.a(), fetched.b());
        Long newest = changed.get(key);
        if (newest != null && newest > fetched.version()) {
            return;
        }
        Relation stored = known.get(key);
        if (stored != null && stored.version() >= fetched.version()) {
            return;
        }
        known.put(key, fetched.a() == key.low() ? fetched : fetched.reversed());
    }

    /**
     * A change of the pair reached {@code version} (0: unknown): a copy older than that goes. A pair
     * never changed has version 0, so its first change always replaces it.
     */
    public synchronized void changed(long a, long b, long version) {
        if (a == b) {
            return;
        }
        Key key = Key.of(a, b);
        Relation stored = known.get(key);
        if (version <= 0 || (stored != null && stored.version() < version)) {
            known.remove(key);
        }
        if (version > 0) {
            changed.merge(key, version, Math::max);
        }
    }

    /** A gap in the events: nothing known can be trusted to be current. */
    public synchronized void forgetAll() {
        known.clear();
        changed.clear();
        epoch++;
    }

    synchronized int size() {
        return known.size();
    }

    int capacity() {
        return capacity;
    }

    private static <V> Map<Key, V> lru(int max) {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
                return size() > max;
            }
        };
    }

    private record Key(long low, long high) {
        static Key of(long a, long b) {
            return a < b ? new Key(a, b) : new Key(b, a);
        }
    }
}
