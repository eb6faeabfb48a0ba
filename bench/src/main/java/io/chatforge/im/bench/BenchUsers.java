package io.chatforge.im.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's users, made through the public API: registered once (reused by later runs),
 * logged in, and befriended in pairs (0-1, 2-3, ...).
 */
final class BenchUsers {
    static final String PASSWORD = "bench-password-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String gateway;

    BenchUsers(String gateway) {
        this.gateway = gateway;
    }

    List<User> prepare(String prefix, int count) throws Exception {
        return prepare(prefix, count, 1);
    }

    /**
     * {@code count} users, each logged in on {@code devices} devices: one {@link User} per device,
     * user-major (user u's device d is at u * devices + d). Users 2k and 2k+1 are friends.
     */
    List<User> prepare(String prefix, int count, int devices) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<String, Session> cached = TokenCache.load(prefix);
        try {
            List<Future<List<Session>>> sessions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String username = prefix + "_" + i;
                sessions.add(pool.submit(() -> devicesOf(username, devices, cached)));
            }
            List<Session> ready = new ArrayList<>();
            for (Future<List<Session>> session : sessions) {
                ready.addAll(session.get());
            }
            TokenCache.save(prefix, ready);
            List<User> users = ready.stream().map(Session::user).toList();
            List<Future<?>> friendships = new ArrayList<>();
            for (int i = 0; i < count; i += 2) {
                User a = users.get(i * devices);
                User b = users.get((i + 1) * devices);
                friendships.add(pool.submit(() -> befriend(a, b)));
            }
            for (Future<?> f : friendships) {
                f.get();
            }
            return users;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The user's device sessions, from the cache where possible; registers the user once when a login is needed. */
    private List<Session> devicesOf(String username, int devices, Map<String, Session> cached) throws Exception {
        List<Session> sessions = new ArrayList<>();
        boolean registered = false;
        for (int d = 0; d < devices; d++) {
            String device = d == 0 ? "bench" : "bench-" + d;
            Session known = cached.get(username + "/" + device);
            Session session = known != null ? renew(known) : null;
            if (session == null) {
                if (!registered) {
                    register(username);
                    registered = true;
                }
                session = login(username, device);
            }
            sessions.add(session);
        }
        return sessions;
    }

    /**
     * A cached device session: its access token if it lives 10 more minutes, else a refresh (one
     * database round trip instead of an Argon2id check of about 0.1-0.2 CPU-second); null when
     * neither works.
     */
    private Session renew(Session known) throws Exception {
        if (known.accessExpiresAtMillis() - System.currentTimeMillis()
                > Duration.ofMinutes(10).toMillis()) {
            return known;
        }
        var refreshed = call("POST", "/api/auth/refresh", Map.of("refreshToken", known.refreshToken()), null);
        if (refreshed.statusCode() != 200) {
            return null; // expired or revoked: log in again
        }
        return session(known.user().username(), known.device(), refreshed.body());
    }

    private void register(String username) throws Exception {
        int registered = call("POST", "/api/auth/register", Map.of("username", username, "password", PASSWORD), null)
                .statusCode();
        if (registered != 201 && registered != 200 && registered != 409) {
            throw new IllegalStateException("register " + username + ": " + registered);
        }
    }

    private Session login(String username, String device) throws Exception {
        var login = call(
                "POST",
                "/api/auth/login",
                Map.of("username", username, "password", PASSWORD, "deviceId", device, "deviceType", "other"),
                null);
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login " + username + ": " + login.statusCode() + " " + login.body());
        }
        return session(username, device, login.body());
    }

    private static Session session(String username, String device, String tokenResponse) {
        JsonNode tokens = JSON.readTree(tokenResponse);
        return new Session(
                new User(
                        tokens.get("userId").asLong(),
                        username,
                        tokens.get("accessToken").asString()),
                device,
                tokens.get("refreshToken").asString(),
                System.currentTimeMillis() + tokens.get("expiresIn").asLong() * 1000);
    }

    /** Makes {@code hub} friends with every other user (for a group that only friends may join). */
    void befriendAll(User hub, List<User> others) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (User other : others) {
                done.add(pool.submit(() -> befriend(hub, other)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Creates a group owned by {@code owner} with all the members; returns its id. */
    long createGroup(User owner, List<User> members) throws Exception {
        var created = call(
                "POST",
                "/api/groups",
                Map.of(
                        "name",
                        "bench group",
                        "memberIds",
                        members.stream().map(User::id).toList()),
                owner.token());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("group: " + created.statusCode() + " " + created.body());
        }
        return JSON.readTree(created.body()).get("groupId").asLong();
    }

    private Void befriend(User a, User b) throws Exception {
        var sent = call("POST", "/api/friends/requests", Map.of("toUserId", b.id()), a.token());
        if (sent.statusCode() == 409) {
            return null; // friends from an earlier run
        }
        JsonNode request = JSON.readTree(sent.body());
        if ("pending".equals(request.path("status").asString())) {
            var accepted =
                    call("POST", "/api/friends/requests/" + request.get("id").asLong() + "/accept", null, b.token());
            if (accepted.statusCode() != 200) {
                throw new IllegalStateException("accept: " + accepted.statusCode());
            }
        }
        return null;
    }

    /**
     * One API call; a 503 or 429 (the platform's login admission: Argon2 checks are expensive, so
     * auth-service takes a few at a time) is retried after a pause, as a client would.
     */
    private HttpResponse<String> call(String method, String path, Object body, String token) throws Exception {
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            response = callOnce(method, path, body, token);
            if (response.statusCode() != 503 && response.statusCode() != 429) {
                return response;
            }
            Thread.sleep(200L + java.util.concurrent.ThreadLocalRandom.current().nextLong(800));
        }
        return response;
    }

    private HttpResponse<String> callOnce(String method, String path, Object body, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    record User(long id, String username, String token) {}

    /** One logged-in device of a user, as kept in {@link TokenCache}. */
    record Session(User user, String device, String refreshToken, long accessExpiresAtMillis) {}
}
