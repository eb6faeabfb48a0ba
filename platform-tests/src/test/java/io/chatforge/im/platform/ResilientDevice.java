package io.chatforge.im.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/**
 * A device that behaves as the SDK does, for the fault suite: an outbox resent with the same
 * clientMsgId after every reconnect, after 5 s without {@code sent} and after a retryable error;
 * reconnects with jittered backoff; pings every 2 s and drops a socket whose pongs stop; syncs
 * after every (re)connect, whenever a pushed seq leaves a gap and on {@code event resync}, 200
 * messages a page as the SDK asks; keeps the messages it has shown
 * to its user once each. All state changes happen under the device's lock; {@link #tick} drives
 * the timers.
 */
final class ResilientDevice {
    private static final long ACK_TIMEOUT_MS = 5_000;
    private static final long PING_EVERY_MS = 2_000;
    private static final long PONG_TIMEOUT_MS = 6_000;
    private static final long SYNC_TIMEOUT_MS = 10_000;
    private static final long HANDSHAKE_TIMEOUT_MS = 10_000;
    /** the SDK's default (no maxBytes either: the server's page budget applies) */
    private static final int SYNC_LIMIT = 200;

    /** What a device tells the fault suite's ledger. */
    interface Observer {
        void acknowledged(String clientMsgId, String msgId, String conversationId, long seq, long now);

        /** a message shown to this device's user for the first time; {@code viaSync} false means pushed */
        void delivered(long toUser, JsonNode msg, boolean viaSync, long now);

        void refused(String clientMsgId, String code);
    }

    final long userId;
    private final String url;
    private final String token;
    private final Observer observer;

    private final Map<String, PendingSend> outbox = new LinkedHashMap<>();
    private final SeenSeqs seen = new SeenSeqs();

    private WebSocket socket;
    private CompletableFuture<?> writes = CompletableFuture.completedFuture(null);
    private int generation;
    private boolean connecting;
    private long connectStartedAt;
    private boolean online;
    private long reconnectAt;
    private int failures;
    private long lastPingAt;
    private long unansweredSince;
    private String syncRef;
    private long syncStartedAt;
    private int syncs;
    private long gapSyncAt;
    int reconnects;
    /** {@code event resync} frames received */
    volatile int resyncs;

    ResilientDevice(long userId, String token, String url, Observer observer) {
        this.userId = userId;
        this.token = token;
        this.url = url;
        this.observer = observer;
    }

    /** Queues a message; it goes out now when online, else after the next connect's sync. */
    synchronized void send(String clientMsgId, Map<String, Object> to, String text) {
        PendingSend p = new PendingSend(clientMsgId, to, text);
        outbox.put(clientMsgId, p);
        if (online) {
            transmit(p, System.currentTimeMillis());
        }
    }

    String token() {
        return token;
    }

    synchronized int unacknowledged() {
        return outbox.size();
    }

    synchronized boolean isOnline() {
        return online;
    }

    synchronized Map<String, Long> cursors() {
        return seen.cursors();
    }

    /** The timers: connect, heartbeat, dead-socket detection, resends, gap syncs. */
    synchronized void tick(long now) {
        if (socket == null) {
            if (!connecting && now >= reconnectAt) {
                connect(now);
            } else if (connecting && now - connectStartedAt > HANDSHAKE_TIMEOUT_MS) {
                generation++; // a hung handshake: its late success is dropped
                connecting = false;
                scheduleReconnect(now);
            }
            return;
        }
        if (unansweredSince > 0 && now - unansweredSince > PONG_TIMEOUT_MS) {
            drop();
            return;
        }
        if (syncRef != null && now - syncStartedAt > SYNC_TIMEOUT_MS) {
            drop();
            return;
        }
        if (now - lastPingAt >= PING_EVERY_MS) {
            lastPingAt = now;
            if (unansweredSince == 0) {
                unansweredSince = now;
            }
            write("{\"type\":\"ping\"}");
        }
        if (online) {
            for (PendingSend p : outbox.values()) {
                if (now >= p.retryAt && (p.lastSentAt == 0 || now - p.lastSentAt > ACK_TIMEOUT_MS)) {
                    transmit(p, now);
                }
            }
            if (syncRef == null && gapSyncAt > 0 && now >= gapSyncAt) {
                startSync(now);
            }
        }
    }

    /** A sync now (after the running one): the device's own last word on what it holds. */
    synchronized void syncNow(long now) {
        if (syncRef == null && socket != null) {
            startSync(now);
        } else {
            gapSyncAt = now;
        }
    }

    /** Connected, synced, no sync running or planned. */
    synchronized boolean idle() {
        return online && syncRef == null && gapSyncAt == 0;
    }

    synchronized void close() {
        generation++;
        if (socket != null) {
            socket.abort();
            socket = null;
        }
        online = false;
        reconnectAt = Long.MAX_VALUE;
    }

    private void connect(long now) {
        connecting = true;
        connectStartedAt = now;
        int gen = ++generation;
        HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofMillis(HANDSHAKE_TIMEOUT_MS))
                .buildAsync(URI.create(url + "?token=" + token), new Listener(gen))
                .whenComplete((ws, e) -> opened(gen, ws, e));
    }

    private synchronized void opened(int gen, WebSocket ws, Throwable failure) {
        if (gen != generation) {
            if (ws != null) {
                ws.abort();
            }
            return;
        }
        connecting = false;
        if (failure != null) {
            scheduleReconnect(System.currentTimeMillis());
            return;
        }
        socket = ws;
        writes = CompletableFuture.completedFuture(null);
        long now = System.currentTimeMillis();
        lastPingAt = now;
        unansweredSince = 0;
        startSync(now);
    }

    private void scheduleReconnect(long now) {
        failures++;
        long backoff = Math.min(5_000, 250L << Math.min(failures - 1, 5));
        reconnectAt = now + backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
    }

    private void drop() {
        if (socket != null) {
            socket.abort();
        }
        closed();
    }

    private void closed() {
        generation++;
        socket = null;
        online = false;
        syncRef = null;
        reconnects++;
        outbox.values().forEach(p -> p.lastSentAt = 0);
        scheduleReconnect(System.currentTimeMillis());
    }

    private void startSync(long now) {
        syncRef = "sync-" + (++syncs);
        syncStartedAt = now;
        gapSyncAt = 0;
        syncWith(ApiClient.JSON.writeValueAsString(seen.cursors()));
    }

    private void syncWith(String cursors) {
        write("{\"type\":\"sync\",\"ref\":\"" + syncRef + "\",\"cursors\":" + cursors + ",\"limit\":" + SYNC_LIMIT
                + "}");
    }

    private void transmit(PendingSend p, long now) {
        p.lastSentAt = now;
        write(ApiClient.JSON.writeValueAsString(Map.of(
                "type",
                "send",
                "clientMsgId",
                p.clientMsgId,
                "to",
                p.to,
                "body",
                Map.of("kind", "text", "text", p.text))));
    }

    private void write(String frame) {
        WebSocket ws = socket;
        if (ws != null) {
            writes = writes.thenCompose(v -> ws.sendText(frame, true)).exceptionally(e -> null);
        }
    }

    private synchronized void received(int gen, String text) {
        if (gen != generation) {
            return;
        }
        long now = System.currentTimeMillis();
        JsonNode frame = ApiClient.JSON.readTree(text);
        switch (frame.path("type").asString()) {
            case "pong" -> unansweredSince = 0;
            case "sent" -> {
                String clientMsgId = frame.path("clientMsgId").asString();
                String conversationId = frame.path("conversationId").asString();
                long seq = frame.path("seq").asLong();
                observer.acknowledged(clientMsgId, frame.path("msgId").asString(), conversationId, seq, now);
                outbox.remove(clientMsgId);
                see(conversationId, seq, now);
            }
            case "msg" -> {
                String conversationId = frame.path("conversationId").asString();
                long seq = frame.path("seq").asLong();
                if (see(conversationId, seq, now)) {
                    observer.delivered(userId, frame, false, now);
                }
            }
            case "sync.page" -> syncPage(frame, now);
            case "event" -> {
                if ("resync".equals(frame.path("kind").asString())) {
                    resyncs++;
                    if (syncRef == null) {
                        startSync(now); // pushes went nowhere for a while: fetch what they carried
                    } else {
                        gapSyncAt = now; // after the running one
                    }
                }
            }
            case "error" -> error(frame, now);
            default -> {}
        }
    }

    private void syncPage(JsonNode page, long now) {
        if (!page.path("ref").asString().equals(syncRef)) {
            return;
        }
        for (JsonNode msg : page.path("messages")) {
            if (see(msg.path("conversationId").asString(), msg.path("seq").asLong(), now)
                    && msg.path("from").path("userId").asLong() != userId) {
                observer.delivered(userId, msg, true, now);
            }
        }
        // a conversation whose every message I have seen, or that has none I may read below the cursor
        for (var e : page.path("cursors").properties()) {
            seen.covered(e.getKey(), e.getValue().asLong());
        }
        if (page.path("hasMore").asBoolean()) {
            syncWith(ApiClient.JSON.writeValueAsString(page.path("cursors")));
            syncStartedAt = now;
            return;
        }
        syncRef = null;
        if (!online) {
            online = true;
            failures = 0;
            outbox.values().forEach(p -> transmit(p, now));
        }
        if (gapSyncAt == 0 && seen.hasGap()) {
            gapSyncAt = now + 1_000;
        }
    }

    private void error(JsonNode frame, long now) {
        String ref = frame.path("ref").asString();
        String code = frame.path("code").asString();
        PendingSend p = outbox.get(ref);
        if (p != null) {
            if ("temporarily_unavailable".equals(code) || "rate_limited".equals(code)) {
                p.attempts++;
                p.lastSentAt = 0;
                p.retryAt = now + Math.min(10_000, 500L << Math.min(p.attempts, 5));
            } else {
                outbox.remove(ref);
                observer.refused(ref, code);
            }
        } else if (ref.equals(syncRef)) {
            syncRef = null;
            gapSyncAt = now + 1_000; // retried by the timer; a connect sync keeps the device offline till then
            if (!online) {
                drop();
            }
        }
    }

    /**
     * Records a seq of a conversation; true the first time. A seq past a gap schedules a sync
     * (after a short wait: the missing push may be on its way).
     */
    private boolean see(String conversationId, long seq, long now) {
        if (!seen.see(conversationId, seq)) {
            return false;
        }
        if (seen.hasGap(conversationId) && gapSyncAt == 0) {
            gapSyncAt = now + 300;
        }
        return true;
    }

    private synchronized void ended(int gen) {
        if (gen == generation) {
            closed();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final int gen;
        private final StringBuilder partial = new StringBuilder();

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received(gen, text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended(gen);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended(gen);
        }
    }
}
