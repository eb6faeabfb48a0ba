package io.chatforge.im.connector.route;

import io.chatforge.im.connector.config.ConnectorProperties;
import io.chatforge.im.contracts.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This pod's delivery slot: one partition of {@code im.deliver}, leased in Redis so that no two
 * pods read the same one. The lease is renewed every third of its TTL; a pod that dies stops
 * renewing and its slot frees itself. Adding or removing pods needs no configuration, only that
 * the partition count exceeds the number of pods.
 */
@Component
public class SlotLease {
    private static final Logger log = LoggerFactory.getLogger(SlotLease.class);
    private static final RedisScript<Long> RENEW = RedisScript.of(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end "
                    + "return 0",
            Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String node;
    private final Duration ttl;
    private final int partitions;
    private volatile int slot = -1;
    private volatile IntConsumer onChange = s -> {};

    SlotLease(ReactiveStringRedisTemplate redis, NodeIdentity node, ConnectorProperties properties, KafkaAdmin admin) {
        this.redis = redis;
        this.node = node.id();
        this.ttl = properties.slotLeaseTtl();
        // the topic decides how many slots there are; create the platform's topics first if this is a
        // fresh broker (KafkaAdmin would do so only after every bean is built)
        admin.initialize();
        this.partitions = admin.describeTopics(Topics.DELIVER)
                .get(Topics.DELIVER)
                .partitions()
                .size();
        acquire(ThreadLocalRandom.current().nextInt(partitions));
        if (slot < 0) {
            throw new IllegalStateException("all " + partitions + " delivery slots are leased: add partitions to "
                    + Topics.DELIVER + " before adding connector pods");
        }
    }

    public int slot() {
        return slot;
    }

    /** Tells the delivery listener when the slot changes (after a lost lease). */
    public void onChange(IntConsumer listener) {
        this.onChange = listener;
    }

    // renew well within the lease TTL (15 s by default)
    @Scheduled(fixedRateString = "${im.connector.slot-lease-renew-interval:PT5S}")
    public void renew() {
        try {
            Long renewed = redis.execute(RENEW, List.of(key(slot)), List.of(node, Long.toString(ttl.toMillis())))
                    .next()
                    .block(Duration.ofSeconds(5));
            if (renewed == null || renewed == 0) {
                log.warn("lost the lease of delivery slot {} (Redis flushed or expired); leasing again", slot);
                int previous = slot;
                acquire(previous);
                if (slot != previous) {
                    onChange.accept(slot);
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not renew delivery slot {}: {}", slot, e.toString());
        }
    }

    /** Takes the first free slot, starting with the preferred one. */
    private void acquire(int preferred) {
        slot = firstLeased(
                preferred,
                partitions,
                candidate -> Boolean.TRUE.equals(redis.opsForValue()
                        .setIfAbsent(key(candidate), node, ttl)
                        .block(Duration.ofSeconds(5))));
        if (slot >= 0) {
            log.info("node {} leased delivery slot {} of {}", node, slot, partitions);
        } else {
            log.error("no free delivery slot among {}", partitions);
        }
    }

    /**
     * Tries the slots from the preferred one on, wrapping around, each once; the first one the
     * lease takes, or -1 when every slot is held by another node.
     */
    static int firstLeased(int preferred, int partitions, IntPredicate lease) {
        for (int i = 0; i < partitions; i++) {
            int candidate = (preferred + i) % partitions;
            if (lease.test(candidate)) {
                return candidate;
            }
        }
        return -1;
    }

    private static String key(int slot) {
        return "im:slot:" + slot;
    }
}
