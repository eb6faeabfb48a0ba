package io.chatforge.im.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<String, User> cached = cachedTokens(prefix);
        try {
            List<Future<User>> logins = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String username = prefix + "_" + i;
                User known = cached.get(username);
                logins.add(
                        known != null
                                ? CompletableFuture.completedFuture(known)
                                : pool.submit(() -> registerAndLogin(username)));
            }
            List<User> users = new ArrayList<>();
            for (Future<User> login : logins) {
                users.add(login.get());
            }
            cacheTokens(prefix, users, cached);
            List<Future<?>> friendships = new ArrayList<>();
            for (int i = 0; i < count; i += 2) {
                User a = users.get(i);
                User b = users.get(i + 1);
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

    /**
     * Access tokens of an earlier run younger than 10 minutes (they live 15, a run needs the rest): logging in is an Argon2id
     * check, about 0.1 CPU-second per user, which would otherwise dominate repeated runs.
     */
    private static Map<String, User> cachedTokens(String prefix) {
        Map<String, User> users = new HashMap<>();
        Path file = tokenFile(prefix);
        try {
            if (Files.exists(file)
                    && System.currentTimeMillis()
                                    - Files.getLastModifiedTime(file).toMillis()
                            < Duration.ofMinutes(10).toMillis()) {
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.split("\t");
                    users.put(f[0], new User(Long.parseLong(f[1]), f[0], f[2]));
                }
            }
        } catch (IOException e) {
            // no cache
        }
        return users;
    }

    private static void cacheTokens(String prefix, List<User> users, Map<String, User> cached) throws IOException {
        if (cached.size() >= users.size()) {
            return; // all from the cache: keep its age
        }
        Path file = tokenFile(prefix);
        Files.createDirectories(file.getParent());
        Files.write(
                file,
                users.stream()
                        .map(u -> u.username() + "\t" + u.id() + "\t" + u.token())
                        .toList());
    }

    private static Path tokenFile(String prefix) {
        return Path.of("bench/target/tokens-" + prefix + ".tsv");
    }

    private User registerAndLogin(String username) throws Exception {
        int registered = call("POST", "/api/auth/register", Map.of("username", username, "password", PASSWORD), null)
                .statusCode();
        if (registered != 201 && registered != 200 && registered != 409) {
            throw new IllegalStateException("register " + username + ": " + registered);
        }
        var login = call(
                "POST",
                "/api/auth/login",
                Map.of("username", username, "password", PASSWORD, "deviceId", "bench", "deviceType", "other"),
                null);
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login " + username + ": " + login.statusCode() + " " + login.body());
        }
        JsonNode tokens = JSON.readTree(login.body());
        return new User(
                tokens.get("userId").asLong(),
                username,
                tokens.get("accessToken").asString());
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

    private HttpResponse<String> call(String method, String path, Object body, String token) throws Exception {
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
}
