package io.chatforge.im.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * One-to-one messaging load through the gateway, as real clients: N WebSockets in friend pairs,
 * every device sending to its friend at a fixed rate (open loop). Reports acknowledged and
 * delivered messages per second, send->sent and send->deliver latency, lost and duplicated
 * messages (every clientMsgId is checked; missing pushes are looked for with sync).
 *
 * <pre>java -jar bench/target/bench-*-exec.jar --connections=1000 --rate=2 --seconds=30</pre>
 */
public final class ChatBenchmark {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        if ("group".equals(options.scenario())) {
            Map<String, Object> result = GroupBenchmark.run(options, options.online(), options.messages());
            print(result);
            write("group-fanout", result);
            System.exit(0);
        }
        System.out.printf(
                "ChatForge IM benchmark: %d connections via %s, %.1f msg/s each, %ds (+%ds warm-up)%n",
                options.connections(),
                options.gateway(),
                options.ratePerSender(),
                options.duration().toSeconds(),
                options.warmup().toSeconds());

        long t0 = System.nanoTime();
        List<BenchUsers.User> users =
                new BenchUsers(options.gateway()).prepare(options.userPrefix(), options.connections());
        System.out.printf(
                "users ready (registered, logged in, befriended) in %.1f s%n", seconds(System.nanoTime() - t0));

        Recorder recorder = new Recorder();
        List<BenchConnection> connections = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            BenchUsers.User peer = users.get(i % 2 == 0 ? i + 1 : i - 1);
            connections.add(new BenchConnection(users.get(i), peer.id(), recorder));
        }
        long connectStart = System.nanoTime();
        connectAll(connections, options.webSocketUrl());
        double connectSeconds = seconds(System.nanoTime() - connectStart);
        System.out.printf("%d WebSockets open in %.1f s%n", connections.size(), connectSeconds);

        var ticker = Executors.newSingleThreadScheduledExecutor();
        double perTick = options.ratePerSender() * connections.size() / 100.0; // 10 ms ticks
        double[] owed = {0};
        int[] next = {0};
        var sending = ticker.scheduleAtFixedRate(
                () -> {
                    owed[0] += perTick;
                    while (owed[0] >= 1) {
                        connections.get(next[0]++ % connections.size()).sendNext();
                        owed[0] -= 1;
                    }
                },
                0,
                10,
                TimeUnit.MILLISECONDS);
        Thread.sleep(options.warmup().toMillis());
        long measuredSendsBefore = recorder.sends.sum();
        long ackedBefore = recorder.acknowledged.size();
        long deliveredBefore = recorder.deliveredByPush.size();
        recorder.measuring = true;
        long measureStart = System.nanoTime();
        Thread.sleep(options.duration().toMillis());
        recorder.measuring = false;
        double measured = seconds(System.nanoTime() - measureStart);
        long measuredSends = recorder.sends.sum() - measuredSendsBefore;
        long acked = recorder.acknowledged.size() - ackedBefore;
        long delivered = recorder.deliveredByPush.size() - deliveredBefore;
        sending.cancel(false);
        ticker.shutdown();

        drain(recorder);
        Set<String> missing = new HashSet<>(recorder.acknowledged);
        missing.removeAll(recorder.deliveredByPush);
        if (!missing.isEmpty()) {
            syncMissing(connections, recorder);
            missing.removeAll(recorder.deliveredBySync);
        }
        long unacknowledged = recorder.pending.size() - recorder.acknowledged.size();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("time", Instant.now().toString());
        result.put("connections", connections.size());
        result.put("connectSeconds", round(connectSeconds));
        result.put("offeredPerSecond", round(options.ratePerSender() * connections.size()));
        result.put("measuredSeconds", round(measured));
        result.put("sendsPerSecond", round(measuredSends / measured));
        result.put("acknowledgedPerSecond", round(acked / measured));
        result.put("deliveredPerSecond", round(delivered / measured));
        result.put("sendToSentMs", percentiles(recorder.sendToSent));
        result.put("sendToDeliverMs", percentiles(recorder.sendToDeliver));
        result.put("sentTotal", recorder.pending.size());
        result.put("acknowledgedTotal", recorder.acknowledged.size());
        result.put("unacknowledged", unacknowledged);
        result.put("deliveredByPush", recorder.deliveredByPush.size());
        result.put("deliveredOnlyBySync", recorder.deliveredBySync.size());
        result.put("lost", missing.size());
        result.put("duplicated", recorder.duplicates.sum());
        Map<String, Long> errors = new LinkedHashMap<>();
        recorder.errors.forEach((code, n) -> errors.put(code, n.sum()));
        result.put("errors", errors);
        print(result);
        write("one-to-one", result);
        connections.forEach(BenchConnection::close);
        System.exit(0);
    }

    static void write(String scenario, Map<String, Object> result) throws java.io.IOException {
        Path out = Path.of("bench/target", scenario + "-" + System.currentTimeMillis() + ".json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println("results: " + out);
    }

    /** Opens all sockets, at most 64 handshakes at a time, over a few shared HTTP clients. */
    private static void connectAll(List<BenchConnection> connections, String url) throws Exception {
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clients.add(HttpClient.newHttpClient());
        }
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<BenchConnection>> opened = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            inFlight.acquire();
            opened.add(connections
                    .get(i)
                    .connect(clients.get(i % clients.size()), url)
                    .whenComplete((c, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    }

    /** Waits until nothing has arrived for 3 s (or 60 s passed). */
    private static void drain(Recorder recorder) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && System.nanoTime() - recorder.lastEvent.get()
                        < Duration.ofSeconds(3).toNanos()) {
            Thread.sleep(200);
        }
    }

    /** Asks each receiver's device for its conversation from the start: what push missed must be there. */
    private static void syncMissing(List<BenchConnection> connections, Recorder recorder) throws InterruptedException {
        for (BenchConnection c : connections) {
            if (c.conversationId != null) {
                c.sendRaw("{\"type\":\"sync\",\"ref\":\"bench\",\"cursors\":{\"" + c.conversationId + "\":"
                        + Math.max(0, c.highestSeq - 5000) + "},\"limit\":500}");
            }
        }
        drain(recorder);
    }

    static Map<String, Object> percentiles(Histogram micros) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("count", micros.getTotalCount());
        p.put("p50", millis(micros.getValueAtPercentile(50)));
        p.put("p90", millis(micros.getValueAtPercentile(90)));
        p.put("p99", millis(micros.getValueAtPercentile(99)));
        p.put("p99.9", millis(micros.getValueAtPercentile(99.9)));
        p.put("max", millis(micros.getMaxValue()));
        return p;
    }

    static void print(Map<String, Object> result) {
        System.out.println();
        System.out.println("| metric | value |");
        System.out.println("|---|---|");
        result.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
        System.out.println();
    }

    private static double millis(long micros) {
        return round(micros / 1000.0);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private ChatBenchmark() {}
}
