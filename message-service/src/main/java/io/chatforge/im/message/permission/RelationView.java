package io.chatforge.im.message.permission;

import io.chatforge.im.contracts.social.Relation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * message-service's own copy of how pairs of users stand, so that sending between friends needs
 * no call to friend-service. A pair is fetched from friend-service once (its answer carries the
 * pair's version); every change of a pair then arrives on {@code im.social} with the version it
 * made, and a copy older than that is dropped, to be fetched again on the pair's next message. A
 * pair never seen, or dropped, is unknown: callers fail closed for it. A gap in the event stream
 * (this instance's consumer started or was reassigned) drops everything. As a last resort against a
 * consumer that silently stopped, a copy older than {@code maxAge} is fetched again.
 */
@Component
public class RelationView {
    private final int capacity;
    private final long maxAgeMillis;
    private final LongSupplier clock;
    /** by pair (lower id first), as friend-service answered: oriented low to high */
    private final Map<Key, Entry> known;
    /** the newest version each recently changed pair reached, so an older answer in flight is not kept */
    private final Map<Key, Long> changed;

    private long epoch;

    @Autowired
    RelationView(
            @Value("${im.message.relation-view-size:200000}") int capacity,
            @Value("${im.message.relation-view-max-age:10m}") Duration maxAge) {
        this(capacity, maxAge, System::currentTimeMillis);
    }

    RelationView(int capacity, Duration maxAge, LongSupplier clock) {
        this.capacity = capacity;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
        this.known = lru(capacity);
        this.changed = lru(Math.max(1024, capacity / 4));
    }

    /** How {@code a} and {@code b} stand ({@code a} first), if this instance knows it. */
    public synchronized Optional<Relation> get(long a, long b) {
        Key key = Key.of(a, b);
        Entry entry = known.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.getAsLong() - entry.learnedAt() > maxAgeMillis) {
            known.remove(key);
            return Optional.empty();
        }
        Relation stored = entry.relation();
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
        Entry stored = known.get(key);
        if (stored != null && stored.relation().version() >= fetched.version()) {
            return;
        }
        known.put(key, new Entry(fetched.a() == key.low() ? fetched : fetched.reversed(), clock.getAsLong()));
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
        Entry stored = known.get(key);
        if (version <= 0 || (stored != null && stored.relation().version() < version)) {
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

    private record Entry(Relation relation, long learnedAt) {}

    private record Key(long low, long high) {
        static Key of(long a, long b) {
            return a < b ? new Key(a, b) : new Key(b, a);
        }
    }
}
