package io.chatforge.im.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Upload and download throughput of one file through the gateway, as a client moves it: announce
 * ({@code POST /api/media}), PUT to the presigned URL, complete, then {@code GET /api/media/{id}}
 * and the presigned GET, with the bytes compared. Each round uses a fresh upload; figures are the
 * median of the rounds (after one warm-up round), in MiB/s of payload.
 *
 * <pre>java -jar bench/target/bench-*-exec.jar --scenario=media --size-mib=10 --rounds=5</pre>
 *
 * {@code --direct-store=http://127.0.0.1:9000} moves the same bytes straight to the store (the
 * URLs are signed for its address), to show what the gateway's relay costs.
 */
final class MediaBenchmark {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String gateway;
    private final int sizeMiB;
    private final int rounds;
    /** null: through the gateway; else the store's own address, to measure the gateway's share */
    private final String direct;

    MediaBenchmark(String gateway, int sizeMiB, int rounds, String direct) {
        this.gateway = gateway;
        this.sizeMiB = sizeMiB;
        this.rounds = rounds;
        this.direct = direct;
    }

    static Map<String, Object> run(BenchOptions options, String[] args) throws Exception {
        int size = Integer.parseInt(option(args, "size-mib", "10"));
        int rounds = Integer.parseInt(option(args, "rounds", "5"));
        String direct = option(args, "direct-store", null);
        return new MediaBenchmark(options.gateway(), size, rounds, direct).run(options.userPrefix());
    }

    Map<String, Object> run(String prefix) throws Exception {
        BenchUsers.User user =
                new BenchUsers(gateway).prepare(prefix + "_media", 2).get(0);
        byte[] bytes = new byte[sizeMiB * 1024 * 1024];
        new Random(42).nextBytes(bytes);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
        List<Double> up = new ArrayList<>();
        List<Double> down = new ArrayList<>();
        List<Double> complete = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            JsonNode ticket = json(
                    send(
                            "POST",
                            "/api/media",
                            Map.of(
                                    "kind",
                                    "file",
                                    "contentType",
                                    "application/octet-stream",
                                    "size",
                                    bytes.length,
                                    "fileName",
                                    "bench.bin"),
                            user.token()),
                    201);
            String mediaId = ticket.get("mediaId").asString();
            long t0 = System.nanoTime();
            var put = http.send(
                    HttpRequest.newBuilder(
                                    URI.create(ticket.get("upload").get("url").asString()))
                            .timeout(Duration.ofMinutes(5))
                            .header("Content-Type", "application/octet-stream")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            long t1 = System.nanoTime();
            if (put.statusCode() != 200) {
                throw new IllegalStateException("PUT answered " + put.statusCode());
            }
            json(send("POST", "/api/media/" + mediaId + "/complete", null, user.token()), 200);
            long t2 = System.nanoTime();
            String url = json(send("GET", "/api/media/" + mediaId, null, user.token()), 200)
                    .get("url")
                    .asString();
            long t3 = System.nanoTime();
            var got = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofMinutes(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long t4 = System.nanoTime();
            if (got.statusCode() != 200
                    || !Arrays.equals(MessageDigest.getInstance("SHA-256").digest(got.body()), digest)) {
                throw new IllegalStateException("the download is not the upload: " + got.statusCode());
            }
            if (round == 0) {
                continue; // warm-up: connections, JIT
            }
            up.add(mibPerSecond(bytes.length, t1 - t0));
            down.add(mibPerSecond(bytes.length, t4 - t3));
            complete.add((t2 - t1) / 1e6);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("path", direct == null ? "through the gateway" : "straight to the store at " + direct);
        result.put("file MiB", sizeMiB);
        result.put("rounds (after 1 warm-up)", rounds);
        result.put("upload MiB/s (median)", round1(median(up)));
        result.put("upload MiB/s (all)", up.stream().map(MediaBenchmark::round1).toList());
        result.put("download MiB/s (median)", round1(median(down)));
        result.put(
                "download MiB/s (all)",
                down.stream().map(MediaBenchmark::round1).toList());
        result.put("complete ms (median)", round1(median(complete)));
        result.putAll(RunContext.describe());
        return result;
    }

    /** The presigned URL as given (the gateway's origin), or on the store's own address. */
    private String path(String url) {
        if (direct == null) {
            return url;
        }
        URI uri = URI.create(url);
        return direct + uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private HttpResponse<String> send(String method, String path, Object body, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    response.uri() + " answered " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static double mibPerSecond(long bytes, long nanos) {
        return bytes / (1024.0 * 1024.0) / (nanos / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
