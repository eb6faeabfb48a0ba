package io.chatforge.im.platform;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Push services on loopback (Web Push endpoints, FCM HTTP v1 with its OAuth2 token endpoint,
 * APNs), as the real ones would answer: records every request (path, headers, body) and answers
 * each with the statuses scripted for its path, or for a text in its path or body (201, or 200
 * for FCM and APNs, when none). {@code /token} hands out an OAuth2 access token.
 */
final class FakePushService implements AutoCloseable {
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    /** text in the path or body -> statuses, for requests that share a path (FCM) */
    private final Map<String, Deque<Integer>> byText = new ConcurrentHashMap<>();

    static final String FCM_ACCESS_TOKEN = "fcm-test-access-token";

    record Received(String path, Map<String, List<String>> headers, byte[] body, int answered) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    FakePushService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/token")) {
                byte[] token = ("{\"access_token\":\"" + FCM_ACCESS_TOKEN
                                + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, token.length);
                exchange.getResponseBody().write(token);
                exchange.close();
                return;
            }
            String text = path + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8);
            Deque<Integer> answers = scripted.get(path);
            if (answers == null) {
                answers = byText.entrySet().stream()
                        .filter(e -> text.contains(e.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
            }
            Integer polled = answers == null ? null : answers.poll();
            boolean native_ = path.startsWith("/v1/") || path.startsWith("/3/");
            int status = polled == null ? (native_ ? 200 : 201) : polled;
            received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body, status));
            if (status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            byte[] reason = reason(path, status);
            exchange.sendResponseHeaders(status, reason.length == 0 ? -1 : reason.length);
            if (reason.length > 0) {
                exchange.getResponseBody().write(reason);
            }
            exchange.close();
        });
        server.start();
    }

    /** A subscription endpoint on this service. */
    String endpoint(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** What FCM and APNs say with a 404 or 410: the token is no longer valid. */
    private static byte[] reason(String path, int status) {
        String text = path.startsWith("/v1/") && status == 404
                ? "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\",\"details\":[{\"errorCode\":\"UNREGISTERED\"}]}}"
                : path.startsWith("/3/") && status == 410 ? "{\"reason\":\"Unregistered\"}" : "";
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The next requests whose path or body contains {@code text} are answered with these statuses. */
    void answerWhen(String text, Integer... statuses) {
        byText.put(text, new ArrayDeque<>(List.of(statuses)));
    }

    /** Requests whose path or body contains {@code text}. */
    List<Received> containing(String text) {
        return received.stream()
                .filter(r ->
                        (r.path() + " " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).contains(text))
                .toList();
    }

    /** The base URL of this service (FCM's and APNs' in the test platform). */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next requests to {@code path} are answered with these statuses, in order. */
    void answer(String path, Integer... statuses) {
        scripted.put(path, new ArrayDeque<>(List.of(statuses)));
    }

    List<Received> to(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
