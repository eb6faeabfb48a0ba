package io.chatforge.im.bench;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark device: sends to its friend, records acknowledgements and deliveries.
 *
 * <p>A Reactor Netty WebSocket, as the platform's own services use: the JDK's WebSocket client cost
 * about twice the CPU per frame (a future chain per send, a copy per received frame), and the load
 * generator shares the machine's two cores with the platform it measures.
 */
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
    /** the connector's largest frame is a 1 MiB sync page */
    private static final int MAX_FRAME = 2 << 20;
    /** frames to write, in order; emitted under this object's lock (a sink takes one emitter at a time) */
    private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();

    private volatile boolean open;
    private volatile Disposable connection;
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

    /** completes at the first pong: the connector answers frames only once the device's route is registered */
    final CompletableFuture<Long> firstPong = new CompletableFuture<>();

    /** completes with the time of the first sync.page, or with -1 when a sync was refused (connect storm) */
    final CompletableFuture<Long> firstSyncPage = new CompletableFuture<>();

    BenchConnection(BenchUsers.User user, long peer, Recorder recorder) {
        this.user = user;
        this.peer = peer;
        this.recorder = recorder;
    }

    /** A client without a connection pool: each WebSocket is a connection of its own. */
    static HttpClient client() {
        return HttpClient.newConnection().responseTimeout(Duration.ofSeconds(30));
    }

    CompletableFuture<BenchConnection> connect(HttpClient http, String url) {
        CompletableFuture<BenchConnection> opened = new CompletableFuture<>();
        connection = http.websocket(WebsocketClientSpec.builder()
                        .maxFramePayloadLength(MAX_FRAME)
                        .build())
                .uri(url + "?token=" + user.token())
                .handle((in, out) -> {
                    open = true;
                    opened.complete(this);
                    Mono<Void> reading = in.aggregateFrames(MAX_FRAME)
                            .receiveFrames()
                            .doOnNext(frame -> {
                                if (frame instanceof TextWebSocketFrame text) {
                                    handle(text.text());
                                }
                            })
                            .then();
                    return out.sendString(outgoing.asFlux()).then().and(reading);
                })
                .doFinally(signal -> open = false)
                .subscribe(
                        null,
                        opened::completeExceptionally,
                        () -> opened.completeExceptionally(new IllegalStateException("closed before it opened")));
        return opened;
    }

    /**
     * Sends one message; its text carries the first send time and this attempt's, so the receiver
     * can measure both latencies.
     */
    synchronized void sendNext() {
        // unique across runs: the platform answers a reused clientMsgId with the stored message and pushes nothing
        boolean warmup = recorder.warming;
        String clientMsgId = user.id() + "-" + RUN + (warmup ? "-W" : "-") + counter.incrementAndGet();
        long now = System.nanoTime();
        if (warmup) {
            recorder.warmupSending();
        } else {
            recorder.sending(clientMsgId, now);
        }
        write(clientMsgId, now, now);
    }

    /** As an SDK does after a retryable refusal: the same clientMsgId again, after a pause. */
    private void resendLater(String clientMsgId) {
        Long first =
                Recorder.isWarmup(clientMsgId) ? Long.valueOf(System.nanoTime()) : recorder.pending.get(clientMsgId);
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
        outgoing.tryEmitNext(frame);
    }

    Map<String, Long> recorderErrors() {
        Map<String, Long> errors = new java.util.LinkedHashMap<>();
        recorder.errors.forEach((code, n) -> errors.put(code, n.sum()));
        return errors;
    }

    void ping() {
        if (open) {
            sendRaw("{\"type\":\"ping\"}");
        }
    }

    /** Opened and not closed by either side since. */
    boolean isOpen() {
        return open;
    }

    synchronized void sendRaw(String frame) {
        outgoing.tryEmitNext(frame);
    }

    void close() {
        Disposable c = connection;
        if (c != null) {
            c.dispose();
        }
    }

    private void handle(String text) {
        long now = System.nanoTime();
        if (DEBUG && DEBUG_FRAMES.incrementAndGet() <= 20) {
            System.out.println("[frame to " + user.username() + "] " + text);
        }
        JsonNode frame = JSON.readTree(text);
        switch (frame.path("type").asString()) {
            case "sent" -> {
                String clientMsgId = frame.get("clientMsgId").asString();
                if (Recorder.isWarmup(clientMsgId)) {
                    recorder.warmupAcknowledged(now);
                    if (recorder.sendOnAck) {
                        sendNext();
                    }
                    return;
                }
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
                String[] body = frame.get("body").get("text").asString().split("\\|");
                if (body.length == 4 && Recorder.isWarmup(body[2])) {
                    recorder.warmupDelivered(Long.parseLong(body[1]), Long.parseLong(body[3]), now);
                    return;
                }
                boolean first = received.putIfAbsent(msgId, Boolean.TRUE) == null;
                if (body.length == 4) {
                    recorder.delivered(body[2], Long.parseLong(body[1]), Long.parseLong(body[3]), now, first);
                }
            }
            case "pong" -> firstPong.complete(now);
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
