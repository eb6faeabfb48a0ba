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
 * A Web Push service on loopback, as a browser vendor's would answer: records every request
 * (path, headers, body) and answers each path with the statuses scripted for it (201 when none).
 */
final class FakePushService implements AutoCloseable {
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();

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
            Deque<Integer> answers = scripted.get(path);
            Integer polled = answers == null ? null : answers.poll();
            int status = polled == null ? 201 : polled;
            received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body, status));
            if (status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** A subscription endpoint on this service. */
    String endpoint(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
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
