package io.chatforge.im.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Every message of the fault suite: who sent it in which phase, what its {@code sent} said, and
 * when (and how) each recipient was shown it. Message texts are {@code f|<clientMsgId>}.
 */
final class FaultLedger implements ResilientDevice.Observer {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    final AtomicLong unknownDeliveries = new AtomicLong();

    Entry created(String clientMsgId, long sender, Set<Long> recipients, int phase, long now) {
        Entry e = new Entry(clientMsgId, sender, recipients, phase, now);
        entries.put(clientMsgId, e);
        return e;
    }

    static String text(String clientMsgId) {
        return "f|" + clientMsgId;
    }

    @Override
    public void acknowledged(String clientMsgId, String msgId, String conversationId, long seq, long now) {
        Entry e = entries.get(clientMsgId);
        if (e == null) {
            return;
        }
        synchronized (e) {
            if (e.msgId == null) {
                e.msgId = msgId;
                e.conversationId = conversationId;
                e.seq = seq;
                e.ackedAt = now;
            } else if (!e.msgId.equals(msgId)) {
                e.storedTwice = true; // one clientMsgId, two stored messages
            }
        }
    }

    @Override
    public void delivered(long toUser, JsonNode msg, boolean viaSync, long now) {
        deliver(toUser, msg, viaSync ? How.SYNC : How.PUSH, now);
    }

    /** What the final REST sync found that the device had not shown. */
    void finalSync(long toUser, JsonNode msg, long now) {
        deliver(toUser, msg, How.FINAL_SYNC, now);
    }

    private void deliver(long toUser, JsonNode msg, How how, long now) {
        String text = msg.path("body").path("text").asString("");
        if (!text.startsWith("f|")) {
            return; // a group's system entries
        }
        Entry e = entries.get(text.substring(2));
        if (e == null) {
            unknownDeliveries.incrementAndGet();
            return;
        }
        String msgId = msg.path("msgId").asString();
        Delivery previous = e.deliveries.putIfAbsent(toUser, new Delivery(msgId, how, now));
        if (previous != null && !previous.msgId().equals(msgId)) {
            e.shownTwice = true; // the same message under two msgIds: the application shows it twice
        }
    }

    @Override
    public void refused(String clientMsgId, String code) {
        Entry e = entries.get(clientMsgId);
        if (e != null) {
            e.refusedWith = code;
        }
    }

    List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    enum How {
        PUSH,
        SYNC,
        FINAL_SYNC
    }

    record Delivery(String msgId, How how, long at) {}

    static final class Entry {
        final String clientMsgId;
        final long sender;
        final Set<Long> recipients;
        final int phase;
        final long createdAt;
        final Map<Long, Delivery> deliveries = new ConcurrentHashMap<>();
        volatile String msgId;
        volatile String conversationId;
        volatile long seq;
        volatile long ackedAt;
        volatile boolean storedTwice;
        volatile boolean shownTwice;
        volatile String refusedWith;

        Entry(String clientMsgId, long sender, Set<Long> recipients, int phase, long createdAt) {
            this.clientMsgId = clientMsgId;
            this.sender = sender;
            this.recipients = recipients;
            this.phase = phase;
            this.createdAt = createdAt;
        }

        boolean acknowledged() {
            return ackedAt > 0;
        }

        /** delivered to every recipient by the device itself (push or its own sync) */
        boolean deliveredLive() {
            return recipients.stream()
                    .allMatch(
                            r -> deliveries.containsKey(r) && deliveries.get(r).how() != How.FINAL_SYNC);
        }

        boolean deliveredToAll() {
            return deliveries.keySet().containsAll(recipients);
        }

        boolean onlyByFinalSync() {
            return deliveredToAll() && !deliveredLive();
        }

        /**
         * acknowledged, and some recipient's device never showed it, not even after its own last
         * sync (the final REST sync then tells whether it was stored at all)
         */
        boolean lost() {
            return acknowledged() && !deliveredLive();
        }

        boolean duplicated() {
            return storedTwice || shownTwice;
        }

        /** when the last recipient got it live; 0 when not (yet) */
        long fullyDeliveredAt() {
            if (!deliveredLive()) {
                return 0;
            }
            return deliveries.values().stream().mapToLong(Delivery::at).max().orElse(0);
        }
    }
}
