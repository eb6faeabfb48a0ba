package io.chatforge.im.bench;

import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * From {@code sent} to the push service's request: a friend with no connected device has a Web
 * Push subscription on a local push service (this process, loopback: the platform must run with
 * the dev profile, as {@code scripts/run.sh} does); the sender writes one message at a time and
 * the time from its {@code sent} to the push request arriving is recorded.
 *
 * <pre>java -jar bench/target/bench-*-exec.jar --scenario=push --messages=50</pre>
 */
final class PushBenchmark {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Map<String, Object> run(BenchOptions options) throws Exception {
        List<BenchUsers.User> users = new BenchUsers(options.gateway()).prepare(options.userPrefix() + "_push", 2);
        BenchUsers.User sender = users.get(0);
        BenchUsers.User receiver = users.get(1);
        LinkedBlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
        HttpServer pushService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pushService.createContext("/", exchange -> {
            long at = System.nanoTime();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
            arrivals.add(at);
        });
        pushService.start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            register(
                    http,
                    options.gateway(),
                    receiver,
                    "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push");
            LinkedBlockingQueue<Long> sents = new LinkedBlockingQueue<>();
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(
                            URI.create(options.webSocketUrl() + "?token=" + sender.token()), new WebSocket.Listener() {
                                private final StringBuilder text = new StringBuilder();

                                @Override
                                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                    text.append(data);
                                    if (last) {
                                        if (text.indexOf("\"type\":\"sent\"") >= 0) {
                                            sents.add(System.nanoTime());
                                        }
                                        text.setLength(0);
                                    }
                                    ws.request(1);
                                    return CompletableFuture.completedFuture(null);
                                }
                            })
                    .get(10, TimeUnit.SECONDS);
            List<Double> sentToPush = new ArrayList<>();
            List<Double> sendToPush = new ArrayList<>();
            int messages = Math.max(5, options.messages());
            for (int i = 0; i <= messages; i++) {
                long sendAt = System.nanoTime();
                socket.sendText(
                                JSON.writeValueAsString(Map.of(
                                        "type", "send",
                                        "clientMsgId", UUID.randomUUID().toString(),
                                        "to", Map.of("userId", receiver.id()),
                                        "body", Map.of("kind", "text", "text", "push bench " + i))),
                                true)
                        .join();
                Long sentAt = sents.poll(10, TimeUnit.SECONDS);
                Long pushedAt = arrivals.poll(20, TimeUnit.SECONDS);
                if (sentAt == null || pushedAt == null) {
                    throw new IllegalStateException("message " + i + ": sent " + sentAt + ", push " + pushedAt);
                }
                if (i > 0) { // the first one warms the path up
                    sentToPush.add((pushedAt - sentAt) / 1e6);
                    sendToPush.add((pushedAt - sendAt) / 1e6);
                }
            }
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("messages (after 1 warm-up)", messages);
            result.put("sent -> push request, ms p50 / p95 / max", percentiles(sentToPush));
            result.put("send -> push request, ms p50 / p95 / max", percentiles(sendToPush));
            result.putAll(RunContext.describe());
            return result;
        } finally {
            pushService.stop(0);
        }
    }

    private static void register(HttpClient http, String gateway, BenchUsers.User user, String endpoint)
            throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        copy32(key.getW().getAffineX(), point, 1);
        copy32(key.getW().getAffineY(), point, 33);
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        var b64 = Base64.getUrlEncoder().withoutPadding();
        String body = JSON.writeValueAsString(Map.of(
                "provider",
                "webpush",
                "subscription",
                Map.of(
                        "endpoint",
                        endpoint,
                        "keys",
                        Map.of("p256dh", b64.encodeToString(point), "auth", b64.encodeToString(auth)))));
        var answer = http.send(
                HttpRequest.newBuilder(URI.create(gateway + "/api/push/devices/bench"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + user.token())
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("push registration: " + answer.statusCode() + " " + answer.body());
        }
    }

    private static void copy32(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int from = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, from, out, offset + 32 - (bytes.length - from), bytes.length - from);
    }

    private static String percentiles(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        double p50 = sorted.get((int) Math.floor(0.5 * (sorted.size() - 1)));
        double p95 = sorted.get((int) Math.ceil(0.95 * (sorted.size() - 1)));
        return "%.1f / %.1f / %.1f".formatted(p50, p95, sorted.get(sorted.size() - 1));
    }
}
