package io.chatforge.im.message.log;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Message ids: 41 bits of milliseconds since 2025-01-01, 10 bits of worker id (leased from a
 * Redis counter at start, so two instances never share one), 12 bits of sequence. Unique and
 * roughly time-ordered; sent to clients as strings because they exceed JavaScript's safe integers.
 */
@Component
class MessageIds {
    private static final long EPOCH = 1735689600000L;
    private final long worker;
    private long lastMillis = -1;
    private long sequence;

    @Autowired
    MessageIds(StringRedisTemplate redis) {
        this(leaseWorker(redis));
    }

    MessageIds(long worker) {
        this.worker = worker & 0x3FF;
    }

    private static long leaseWorker(StringRedisTemplate redis) {
        Long n = redis.opsForValue().increment("im:message:worker-seq");
        return n == null ? 0 : n;
    }

    /** The worker id inside a message id. */
    static long workerOf(long id) {
        return (id >> 12) & 0x3FF;
    }

    public synchronized long next() {
        long now = System.currentTimeMillis();
        if (now < lastMillis) {
            now = lastMillis; // clock stepped back: keep counting on the last millisecond
        }
        if (now == lastMillis) {
            sequence = (sequence + 1) & 0xFFF;
            if (sequence == 0) {
                now = lastMillis + 1; // 4096 ids in one millisecond: borrow the next one
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return ((now - EPOCH) << 22) | (worker << 12) | sequence;
    }
}
