package io.chatforge.im.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * messages (every clientMsgId is checked; what push missed is looked for by a final REST sync, and lost
 * messages are named with their id, conversation and seq).
 *
 * <pre>java -jar bench/target/bench-*-exec.jar --connections=1000 --rate=2 --seconds=30</pre>
 */
public final class ChatBenchmark {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        RunContext.command(args);
        switch (options.scenario()) {
            case "group" -> {
                Map<String, Object> result = GroupBenchmark.run(options, options.online(), options.messages());
                write("group-fanout", result);
                System.exit(0);
            }
            case "storm" -> {
                write("connect-storm", ConnectionScenarios.storm(options));
                System.exit(0);
            }
            case "idle" -> {
                write("idle-hold", ConnectionScenarios.idle(options));
                System.exit(0);
            }
            case "push" -> {
                write("push-latency", PushBenchmark.run(options));
                System.exit(0);
            }
            case "media" -> {
                write("media-throughput", MediaBenchmark.run(options, args));
                System.exit(0);
            }
            case "limits" -> {
                write("limits", new LimitsBenchmark(options.limitSeconds()).run());
                System.exit(0);
            }
            case "one-to-one" -> {}
            default ->
                throw new IllegalArgumentException(
                        "--scenario is one-to-one, group, storm, idle, limits, media or push, not "
                                + options.scenario());
        }
        boolean closed = "closed".equals(options.mode());
        System.out.printf(
                "ChatForge IM benchmark: %d connections via %s, %s, %ds (+%ds warm-up)%n",
                options.connections(),
                options.gateway(),
                closed
                        ? "closed loop, " + options.window() + " in flight per device"
                        : "open loop, %.1f msg/s per device".formatted(options.ratePerSender()),
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
        connectAll(connections, options.webSocketUrl(), 64);
        awaitRegistered(connections);
        double connectSeconds = seconds(System.nanoTime() - connectStart);
        System.out.printf("%d WebSockets open in %.1f s%n", connections.size(), connectSeconds);

        recorder.warming = true;
        var ticker = Executors.newSingleThreadScheduledExecutor();
        double perTick = closed ? 0 : options.ratePerSender() * connections.size() / 100.0; // 10 ms ticks
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
        if (closed) {
            recorder.sendOnAck = true;
            for (int w = 0; w < options.window(); w++) {
                connections.forEach(BenchConnection::sendNext);
            }
        }
        ProcessProbe probe = new ProcessProbe();
        Thread.sleep(options.warmup().toMillis());
        Map<String, Double> cpuBefore = probe.cpuSeconds();
        double machineBefore = ProcessProbe.machineBusySeconds();
        long measuredSendsBefore = recorder.sends.sum();
        long ackedBefore = recorder.acknowledgedCount();
        long deliveredBefore = recorder.deliveredCount();
        recorder.warming = false;
        recorder.measuring = true;
        long measureStart = System.nanoTime();
        Thread.sleep(options.duration().toMillis());
        recorder.measuring = false;
        double measured = seconds(System.nanoTime() - measureStart);
        Map<String, Double> cpu = ProcessProbe.difference(cpuBefore, probe.cpuSeconds());
        double outside = ProcessProbe.machineBusySeconds()
                - machineBefore
                - cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        recorder.sendOnAck = false;
        long measuredSends = recorder.sends.sum() - measuredSendsBefore;
        long acked = recorder.acknowledgedCount() - ackedBefore;
        long delivered = recorder.deliveredCount() - deliveredBefore;
        sending.cancel(false);
        ticker.shutdown();

        drain(recorder);
        // lost: acknowledged with `sent`, and neither pushed nor found by the receiver's final sync
        Set<String> missing = new TreeSet<>(recorder.acknowledged);
        missing.removeAll(recorder.deliveredByPush);
        if (!missing.isEmpty()) {
            Map<Long, BenchConnection> byUser = new HashMap<>();
            connections.forEach(c -> byUser.put(c.user.id(), c));
            new FinalSync(options.gateway()).run(missing, recorder, byUser);
            missing.removeAll(recorder.deliveredBySync);
        }
        long unacknowledged = recorder.pending.size() - recorder.acknowledged.size();
        Set<String> neverAcknowledged = new TreeSet<>(recorder.pending.keySet());
        neverAcknowledged.removeAll(recorder.acknowledged);
        printNamed("lost (acknowledged, never delivered)", missing, recorder);
        printNamed("never acknowledged (the sender would resend these)", neverAcknowledged, recorder);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("time", Instant.now().toString());
        result.put("mode", closed ? "closed loop, window " + options.window() : "open loop");
        result.put("connections", connections.size());
        result.put("connectSeconds", round(connectSeconds));
        result.put("offeredPerSecond", round(options.ratePerSender() * connections.size()));
        result.put("measuredSeconds", round(measured));
        result.put("sendsPerSecond", round(measuredSends / measured));
        result.put("acknowledgedPerSecond", round(acked / measured));
        result.put("deliveredPerSecond", round(delivered / measured));
        result.put("sendToSentMs", percentiles(recorder.sendToSent));
        result.put("sendToDeliverMs", percentiles(recorder.sendToDeliver));
        result.put("takenAttemptToDeliverMs", percentiles(recorder.attemptToDeliver));
        result.put("retriedSends", recorder.retries.sum());
        result.put("sentTotal", recorder.pending.size());
        result.put("acknowledgedTotal", recorder.acknowledged.size());
        result.put("unacknowledged", unacknowledged);
        result.put("deliveredByPush", recorder.deliveredByPush.size());
        result.put("deliveredOnlyBySync", recorder.deliveredBySync.size());
        long warmupUndelivered = recorder.warmupAcknowledged.sum() - recorder.warmupDelivered.sum();
        result.put(
                "warmup",
                Map.of(
                        "sent", recorder.warmupSent.sum(),
                        "acknowledged", recorder.warmupAcknowledged.sum(),
                        "delivered", recorder.warmupDelivered.sum()));
        if (warmupUndelivered != 0 || recorder.warmupAcknowledged.sum() != recorder.warmupSent.sum()) {
            result.put(
                    "warmupWarning",
                    "warm-up messages are counted, not named: " + recorder.warmupSent.sum() + " sent, "
                            + recorder.warmupAcknowledged.sum() + " acknowledged, " + recorder.warmupDelivered.sum()
                            + " delivered");
            System.out.println("WARNING: " + result.get("warmupWarning"));
        }
        result.put("lost", missing.size() + Math.max(0, warmupUndelivered));
        result.put("lostMessages", FinalSync.describe(missing, recorder, 100));
        result.put("unacknowledgedMessages", FinalSync.describe(neverAcknowledged, recorder, 100));
        result.put("duplicated", recorder.duplicates.sum());
        Map<String, Long> errors = new LinkedHashMap<>();
        recorder.errors.forEach((code, n) -> errors.put(code, n.sum()));
        result.put("errors", errors);
        result.put("cpuSecondsMeasured", cpu);
        result.put("cpuPercentOfOneCore", perSecondPercent(cpu, measured));
        ProcessProbe.recordOutside(result, machineBefore, cpu, measured);
        result.put("cpuMicrosPerDeliveredMessage", perMessageMicros(cpu, delivered));
        result.put("peakRssMiB", round(probe.peakRssMiB()));
        result.put("heapUsedMiB", probe.heapUsedMiB());
        if (options.limits()) {
            System.out.println("measuring the limits of the parts ("
                    + options.limitSeconds().toSeconds() + " s each) ...");
            Map<String, Object> limits = new LimitsBenchmark(options.limitSeconds()).run();
            result.put("limits", limits);
            long slowest = LimitsBenchmark.slowest(limits);
            result.put("deliveredAsFractionOfSlowestLimit", round(delivered / measured / Math.max(1, slowest)));
        }
        result.put("timeline", recorder.timeline.rows());
        write(closed ? "one-to-one-closed" : "one-to-one", result);
        connections.forEach(BenchConnection::close);
        System.exit(0);
    }

    static void write(String scenario, Map<String, Object> result) throws java.io.IOException {
        Report.write(scenario, result);
    }

    private static Map<String, Double> perSecondPercent(Map<String, Double> cpu, double seconds) {
        Map<String, Double> percent = new LinkedHashMap<>();
        cpu.forEach((part, s) -> percent.put(part, round(100 * s / seconds)));
        return percent;
    }

    /** The CPU budget per message: each process's CPU time over the measured phase divided by the deliveries. */
    private static Map<String, Double> perMessageMicros(Map<String, Double> cpu, long delivered) {
        Map<String, Double> micros = new LinkedHashMap<>();
        double total = 0;
        for (var e : cpu.entrySet()) {
            double us = e.getValue() * 1e6 / Math.max(1, delivered);
            micros.put(e.getKey(), round(us));
            total += us;
        }
        micros.put("total", round(total));
        return micros;
    }

    private static Map<String, Double> round(Map<String, Double> values) {
        Map<String, Double> rounded = new LinkedHashMap<>();
        values.forEach((k, v) -> rounded.put(k, round(v)));
        return rounded;
    }

    /**
     * Waits until every device's route is registered (a ping answered), so that the first messages find
     * their receivers online: a message to a device still registering is stored and reaches it by sync,
     * not by push, and an early warm-up message would be counted as lost (seen: 16 of 668,572).
     */
    static void awaitRegistered(List<BenchConnection> connections) throws Exception {
        connections.forEach(BenchConnection::ping);
        CompletableFuture.allOf(connections.stream().map(c -> c.firstPong).toArray(CompletableFuture[]::new))
                .get(2, TimeUnit.MINUTES);
    }

    /** Opens all sockets, at most {@code concurrency} handshakes at a time, over a few shared HTTP clients. */
    static void connectAll(List<BenchConnection> connections, String url, int concurrency) throws Exception {
        var client = BenchConnection.client();
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<BenchConnection>> opened = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            inFlight.acquire();
            opened.add(connections.get(i).connect(client, url).whenComplete((c, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    }

    /**
     * Waits until every send was acknowledged and every acknowledged message delivered, or nothing
     * has arrived for 5 s, or 5 minutes passed: an overloaded run still has a backlog in flight when
     * the senders stop.
     */
    private static void drain(Recorder recorder) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline
                && (recorder.acknowledged.size() < recorder.pending.size()
                        || recorder.deliveredByPush.size() + recorder.deliveredBySync.size()
                                < recorder.acknowledged.size()
                        || recorder.warmupAcknowledged.sum() < recorder.warmupSent.sum()
                        || recorder.warmupDelivered.sum() < recorder.warmupAcknowledged.sum())
                && System.nanoTime() - recorder.lastEvent.get()
                        < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(200);
        }
    }

    private static void printNamed(String what, Set<String> clientMsgIds, Recorder recorder) {
        System.out.printf("%s: %d%n", what, clientMsgIds.size());
        for (Map<String, Object> m : FinalSync.describe(clientMsgIds, recorder, 20)) {
            System.out.println("  " + m);
        }
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

    private static double millis(long micros) {
        return round(micros / 1000.0);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private ChatBenchmark() {}
}
