package io.chatforge.im.bench;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/** Every send, acknowledgement and delivery of the measured phase, with latencies. */
final class Recorder {
    final Histogram sendToSent = new ConcurrentHistogram(3);
    final Histogram sendToDeliver = new ConcurrentHistogram(3);
    /** from the attempt the platform took (the last; earlier ones were refused as busy) */
    final Histogram attemptToDeliver = new ConcurrentHistogram(3);

    final LongAdder retries = new LongAdder();
    final Map<String, Long> pending = new ConcurrentHashMap<>();
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** what each {@code sent} said: the stored message's id, conversation and seq, by clientMsgId */
    final Map<String, Stored> stored = new ConcurrentHashMap<>();

    final Set<String> deliveredByPush = ConcurrentHashMap.newKeySet();
    final Set<String> deliveredBySync = ConcurrentHashMap.newKeySet();
    final LongAdder sends = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final AtomicLong lastEvent = new AtomicLong(System.nanoTime());
    final Timeline timeline = new Timeline();
    volatile boolean measuring;
    /**
     * Sends now belong to the warm-up: counted, not kept by id. A warm-up of minutes at thousands of
     * messages a second would otherwise fill the load generator's heap; its messages are checked by
     * count (every one acknowledged and delivered), the measured ones by id.
     */
    volatile boolean warming;

    final LongAdder warmupSent = new LongAdder();
    final LongAdder warmupAcknowledged = new LongAdder();
    final LongAdder warmupDelivered = new LongAdder();
    /** closed loop: each acknowledgement lets its device send the next message, while this is true */
    volatile boolean sendOnAck;

    void sending(String clientMsgId, long now) {
        pending.put(clientMsgId, now);
        sends.increment();
    }

    void acknowledged(String clientMsgId, Stored message, long now) {
        stored.putIfAbsent(clientMsgId, message);
        Long sentAt = pending.get(clientMsgId);
        if (sentAt != null && acknowledged.add(clientMsgId) && measuring) {
            sendToSent.recordValue(Math.max(1, (now - sentAt) / 1000));
        }
        lastEvent.set(now);
    }

    /** A warm-up clientMsgId carries a capital W, which neither user ids nor the run's base-36 stamp hold. */
    static boolean isWarmup(String clientMsgId) {
        return clientMsgId.indexOf('W') >= 0;
    }

    void warmupSending() {
        warmupSent.increment();
        sends.increment();
    }

    void warmupAcknowledged(long now) {
        warmupAcknowledged.increment();
        lastEvent.set(now);
    }

    /** A warm-up message delivered: counted, and its latency recorded when it arrives while measuring. */
    void warmupDelivered(long sentAt, long attemptAt, long now) {
        warmupDelivered.increment();
        timeline.delivered(now, (now - sentAt) / 1000);
        if (measuring) {
            sendToDeliver.recordValue(Math.max(1, (now - sentAt) / 1000));
            attemptToDeliver.recordValue(Math.max(1, (now - attemptAt) / 1000));
        }
        lastEvent.set(now);
    }

    /** Acknowledgements and deliveries so far, warm-up and measured. */
    long acknowledgedCount() {
        return acknowledged.size() + warmupAcknowledged.sum();
    }

    long deliveredCount() {
        return deliveredByPush.size() + warmupDelivered.sum();
    }

    void retried() {
        retries.increment();
    }

    void delivered(String clientMsgId, long sentAt, long attemptAt, long now, boolean first) {
        if (!first) {
            duplicates.increment();
            return;
        }
        if (deliveredByPush.add(clientMsgId)) {
            timeline.delivered(now, (now - sentAt) / 1000);
            if (measuring) {
                sendToDeliver.recordValue(Math.max(1, (now - sentAt) / 1000));
                attemptToDeliver.recordValue(Math.max(1, (now - attemptAt) / 1000));
            }
        }
        lastEvent.set(now);
    }

    /** Counts the peer's messages of a sync page; a device's own messages there deliver nothing. */
    void synced(JsonNode page, long self) {
        for (JsonNode m : page.get("messages")) {
            if (m.path("from").path("userId").asLong() == self) {
                continue;
            }
            String[] body = m.get("body").get("text").asString().split("\\|");
            if (body.length >= 3 && !isWarmup(body[2]) && !deliveredByPush.contains(body[2])) {
                deliveredBySync.add(body[2]);
            }
        }
    }

    void error(String code) {
        errors.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /** A message as stored, as its {@code sent} answered. */
    record Stored(String msgId, String conversationId, long seq) {}
}
