package io.chatforge.im.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One benchmark device: sends to its friend, records acknowledgements and deliveries. */
final class BenchConnection {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** BENCH_DEBUG=1 prints the first frames received, to see what the platform answers */
    private static final boolean DEBUG = System.getenv("BENCH_DEBUG") != null;

    private static final AtomicLong DEBUG_FRAMES = new AtomicLong();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    final BenchUsers.User user;
    final long peer;
    private final Recorder recorder;
    private WebSocket socket;
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private final AtomicLong counter = new AtomicLong();
    /** msgIds this device received, to count duplicates */
    final Map<String, Boolean> received = new ConcurrentHashMap<>();

    /** completes with the time of the first sync.page, or with -1 when a sync was refused (connect storm) */
    final CompletableFuture<Long> firstSyncPage = new CompletableFuture<>();

    BenchConnection(BenchUsers.User user, long peer, Recorder recorder) {
        this.user = user;
        this.peer = peer;
        this.recorder = recorder;
    }

    CompletableFuture<BenchConnection> connect(HttpClient http, String url) {
        return http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(URI.create(url + "?token=" + user.token()), new Listener())
                .thenApply(ws -> {
                    socket = ws;
                    return this;
                });
    }

    /** Sends one message; its text carries the send time so the receiver can measure latency. */
    synchronized void sendNext() {
        // unique across runs: the platform answers a reused clientMsgId with the stored message and pushes nothing
        String clientMsgId = user.id() + "-" + RUN + "-" + counter.incrementAndGet();
        long now = System.nanoTime();
        recorder.sending(clientMsgId, now);
        String frame = "{\"type\":\"send\",\"clientMsgId\":\"" + clientMsgId + "\",\"to\":{\"userId\":" + peer
                + "},\"body\":{\"kind\":\"text\",\"text\":\"b|" + now + "|" + clientMsgId + "\"}}";
        lastSend = lastSend.thenCompose(v -> socket.sendText(frame, true)).exceptionally(e -> null);
    }

    Map<String, Long> recorderErrors() {
        Map<String, Long> errors = new java.util.LinkedHashMap<>();
        recorder.errors.forEach((code, n) -> errors.put(code, n.sum()));
        return errors;
    }

    void ping() {
        sendRaw("{\"type\":\"ping\"}");
    }

    synchronized void sendRaw(String frame) {
        lastSend = lastSend.thenCompose(v -> socket.sendText(frame, true)).exceptionally(e -> null);
    }

    void close() {
        if (socket != null) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                handle(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(String text) {
            long now = System.nanoTime();
            if (DEBUG && DEBUG_FRAMES.incrementAndGet() <= 20) {
                System.out.println("[frame to " + user.username() + "] " + text);
            }
            JsonNode frame = JSON.readTree(text);
            switch (frame.path("type").asString()) {
                case "sent" -> {
                    recorder.acknowledged(
                            frame.get("clientMsgId").asString(),
                            new Recorder.Stored(
                                    frame.path("msgId").asString(),
                                    frame.path("conversationId").asString(),
                                    frame.path("seq").asLong()),
                            now);
                    if (recorder.sendOnAck) {
                        sendNext();
                    }
                }
                case "msg" -> {
                    String msgId = frame.get("msgId").asString();
                    boolean first = received.putIfAbsent(msgId, Boolean.TRUE) == null;
                    String[] body = frame.get("body").get("text").asString().split("\\|");
                    if (body.length == 3) {
                        recorder.delivered(body[2], Long.parseLong(body[1]), now, first);
                    }
                }
                case "sync.page" -> {
                    recorder.synced(frame, user.id());
                    firstSyncPage.complete(now);
                }
                case "error" -> {
                    recorder.error(frame.path("code").asString());
                    if ("storm".equals(frame.path("ref").asString())) {
                        firstSyncPage.complete(-1L);
                    }
                }
                default -> {}
            }
        }
    }
}
