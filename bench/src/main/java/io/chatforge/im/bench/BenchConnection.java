package io.chatforge.im.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One benchmark device: sends to its friend, records acknowledgements and deliveries. */
final class BenchConnection {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** BENCH_DEBUG=1 prints the first frames received, to see what the platform answers */
    private static final boolean DEBUG = System.getenv("BENCH_DEBUG") != null;

    private static final Set<String> RETRYABLE = Set.of("temporarily_unavailable", "rate_limited");
    private static final AtomicLong DEBUG_FRAMES = new AtomicLong();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    final BenchUsers.User user;
    final long peer;
    private final Recorder recorder;
    private WebSocket socket;
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private final AtomicLong counter = new AtomicLong();
    /** retries so far of each send refused as retryable */
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-retries");
        t.setDaemon(true);
        return t;
    });
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

    /**
     * Sends one message; its text carries the first send time and this attempt's, so the receiver
     * can measure both latencies.
     */
    synchronized void sendNext() {
        // unique across runs: the platform answers a reused clientMsgId with the stored message and pushes nothing
        String clientMsgId = user.id() + "-" + RUN + "-" + counter.incrementAndGet();
        long now = System.nanoTime();
        recorder.sending(clientMsgId, now);
        write(clientMsgId, now, now);
    }

    /** As an SDK does after a retryable refusal: the same clientMsgId again, after a pause. */
    private void resendLater(String clientMsgId) {
        Long first = recorder.pending.get(clientMsgId);
        if (first == null || recorder.acknowledged.contains(clientMsgId)) {
            return;
        }
        int attempt = attempts.merge(clientMsgId, 1, Integer::sum);
        long pause = Math.min(2000, 50L << Math.min(attempt, 6))
                + ThreadLocalRandom.current().nextLong(50);
        RETRIES.schedule(
                () -> {
                    recorder.retried();
                    synchronized (this) {
                        write(clientMsgId, first, System.nanoTime());
                    }
                },
                pause,
                TimeUnit.MILLISECONDS);
    }

    private void write(String clientMsgId, long first, long attempt) {
        String frame = "{\"type\":\"send\",\"clientMsgId\":\"" + clientMsgId + "\",\"to\":{\"userId\":" + peer
                + "},\"body\":{\"kind\":\"text\",\"text\":\"b|" + first + "|" + clientMsgId + "|" + attempt
                + "\"}}";
        lastSend = lastSend.thenCompose(v -> socket.sendText(frame, true)).exceptionally(e -> null);
    }

    Map<String, Long> recorderErrors() {
        Map<String, Long> errors = new java.util.LinkedHashMap<>();
        recorder.errors.forEach((code, n) -> errors.put(code, n.sum()));
        return errors;
    }

    void ping() {
        if (socket != null) {
            sendRaw("{\"type\":\"ping\"}");
        }
    }

    /** Opened and not closed by either side since. */
    boolean isOpen() {
        WebSocket ws = socket;
        return ws != null && !ws.isInputClosed() && !ws.isOutputClosed();
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
                    if (body.length == 4) {
                        recorder.delivered(body[2], Long.parseLong(body[1]), Long.parseLong(body[3]), now, first);
                    }
                }
                case "sync.page" -> {
                    recorder.synced(frame, user.id());
                    firstSyncPage.complete(now);
                }
                case "error" -> {
                    String code = frame.path("code").asString();
                    recorder.error(code);
                    if (RETRYABLE.contains(code)) {
                        resendLater(frame.path("ref").asString());
                    }
                    if ("storm".equals(frame.path("ref").asString())) {
                        firstSyncPage.complete(-1L);
                    }
                }
                default -> {}
            }
        }
    }
}
