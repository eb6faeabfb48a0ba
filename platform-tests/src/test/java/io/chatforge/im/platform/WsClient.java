package io.chatforge.im.platform;

import io.chatforge.im.testsupport.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** A device's WebSocket to the gateway, recording every frame it receives. */
final class WsClient implements AutoCloseable {
    // one HTTP client per socket: a shared one was seen to stall later handshakes after refused ones
    private static HttpClient http() {
        return HttpClient.newHttpClient();
    }

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Long>> pongWaiters = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicInteger largestFrameBytes =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final ScheduledExecutorService HEARTBEATS = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "ws-heartbeats");
        t.setDaemon(true);
        return t;
    });

    private final WebSocket socket;
    private volatile Throwable failure;
    private ScheduledFuture<?> heartbeat;

    private WsClient(WebSocket.Builder builder, URI uri) {
        this.socket = builder.buildAsync(uri, new Listener()).join();
        // like every real client: a ping every 2 s keeps the idle timeout away
        this.heartbeat = HEARTBEATS.scheduleAtFixedRate(
                () -> {
                    if (!closed.isDone()) {
                        try {
                            sendText("{\"type\":\"ping\",\"ref\":\"heartbeat\"}");
                        } catch (RuntimeException ignored) {
                            // closed meanwhile
                        }
                    }
                },
                2,
                2,
                TimeUnit.SECONDS);
    }

    /** Stops the automatic pings (to see the server close an idle connection). */
    WsClient withoutHeartbeat() {
        heartbeat.cancel(false);
        return this;
    }

    /** Connects with the token in the query string. */
    static WsClient connect(Platform platform, String accessToken) {
        return new WsClient(
                http().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)),
                URI.create(platform.webSocketUrl() + "?token=" + accessToken));
    }

    /** Connects straight to one connector instance (to place users on different pods). */
    static WsClient connectDirect(ServiceProcess connector, String accessToken) {
        return new WsClient(
                http().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)),
                URI.create("ws://127.0.0.1:" + connector.port() + "/ws?token=" + accessToken));
    }

    /** Connects the way browsers must: the token as a WebSocket subprotocol next to im.v1. */
    static WsClient connectWithSubprotocol(Platform platform, String accessToken) {
        return new WsClient(
                http().newWebSocketBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .subprotocols("im.v1", accessToken),
                URI.create(platform.webSocketUrl()));
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void send(Object frame) {
        String text = frame instanceof String s ? s : ApiClient.JSON.writeValueAsString(frame);
        synchronized (socket) {
            socket.sendText(text, true).join();
        }
    }

    void sendText(String text) {
        send((Object) text);
    }

    void sendMessage(String clientMsgId, long to, String text) {
        send(Map.of(
                "type",
                "send",
                "clientMsgId",
                clientMsgId,
                "to",
                Map.of("userId", to),
                "body",
                Map.of("kind", "text", "text", text)));
    }

    /** Sends a ping and measures the time until a pong arrives (use without the heartbeat). */
    Duration pingRoundTrip(Duration timeout) {
        var pong = new CompletableFuture<Long>();
        pongWaiters.add(pong);
        long start = System.nanoTime();
        sendText("{\"type\":\"ping\"}");
        try {
            return Duration.ofNanos(pong.get(timeout.toMillis(), TimeUnit.MILLISECONDS) - start);
        } catch (java.util.concurrent.TimeoutException e) {
            return timeout;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pongWaiters.remove(pong);
        }
    }

    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    List<JsonNode> frames(String type) {
        return frames.stream()
                .filter(f -> type.equals(f.path("type").asString()))
                .toList();
    }

    /** Waits for the first received frame that matches. */
    JsonNode await(String what, Predicate<JsonNode> match) {
        return await(what, match, Duration.ofSeconds(20));
    }

    JsonNode await(String what, Predicate<JsonNode> match, Duration timeout) {
        List<JsonNode> found = new ArrayList<>();
        Awaitility.await(what + " on a socket" + (failure == null ? "" : " that failed: " + failure)
                        + ", frames so far: " + frames.size() + ", closed: " + closed.getNow(null))
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    for (JsonNode frame : frames) {
                        if (match.test(frame)) {
                            found.add(frame);
                            return true;
                        }
                    }
                    return false;
                });
        return found.get(0);
    }

    /** Waits until at least {@code n} frames of the type arrived; returns them. */
    List<JsonNode> awaitCount(String type, int n, Duration timeout) {
        Awaitility.await(n + " " + type + " frames")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> frames(type).size() >= n);
        return frames(type);
    }

    /** The UTF-8 size of the largest text frame received so far. */
    int largestFrameBytes() {
        return largestFrameBytes.get();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    /** The close code the server sent, once closed. */
    int awaitClose(Duration timeout) {
        Awaitility.await("close").atMost(timeout).until(closed::isDone);
        return closed.join();
    }

    @Override
    public void close() {
        heartbeat.cancel(false);
        if (!closed.isDone()) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                largestFrameBytes.accumulateAndGet(text.getBytes(StandardCharsets.UTF_8).length, Math::max);
                JsonNode frame = ApiClient.JSON.readTree(text);
                if ("pong".equals(frame.path("type").asString())) {
                    long now = System.nanoTime();
                    pongWaiters.forEach(w -> w.complete(now));
                }
                frames.add(frame);
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failure = error;
            closed.complete(-1);
        }
    }
}
