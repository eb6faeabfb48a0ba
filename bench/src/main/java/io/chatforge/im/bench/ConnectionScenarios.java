package io.chatforge.im.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Scenarios about connections rather than messages: a connect storm (everyone connects and syncs
 * at once) and an idle hold (connections that only send heartbeats, for memory and CPU per connection).
 */
final class ConnectionScenarios {
    private ConnectionScenarios() {}

    /** N clients open their WebSocket and sync at once; time from the start to each one's first sync page. */
    static Map<String, Object> storm(BenchOptions options) throws Exception {
        List<BenchConnection> connections = prepare(options);
        ProcessProbe probe = new ProcessProbe();
        Map<String, Double> cpuBefore = probe.cpuSeconds();
        long start = System.nanoTime();
        ChatBenchmark.connectAll(connections, options.webSocketUrl(), 512);
        double openSeconds = (System.nanoTime() - start) / 1e9;
        connections.forEach(c -> c.sendRaw("{\"type\":\"sync\",\"ref\":\"storm\",\"cursors\":{},\"limit\":50}"));
        Histogram toSynced = new Histogram(3);
        int refused = 0;
        int unanswered = 0;
        for (BenchConnection c : connections) {
            try {
                long syncedAt = c.firstSyncPage.get(
                        Math.max(1, start + 120_000_000_000L - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (syncedAt < 0) {
                    refused++;
                } else {
                    toSynced.recordValue(Math.max(1, (syncedAt - start) / 1000));
                }
            } catch (java.util.concurrent.TimeoutException e) {
                unanswered++;
            }
        }
        double allSynced = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("time", Instant.now().toString());
        result.put("connections", connections.size());
        result.put("allOpenSeconds", ChatBenchmark.round(openSeconds));
        result.put("allSyncedSeconds", ChatBenchmark.round(allSynced));
        result.put("connectsPerSecond", Math.round(connections.size() / allSynced));
        result.put("startToSyncedMs", ChatBenchmark.percentiles(toSynced));
        result.put("syncsRefused", refused);
        result.put("syncsUnansweredAfter2Minutes", unanswered);
        Map<String, Long> errors = new LinkedHashMap<>();
        connections.get(0).recorderErrors().forEach(errors::put);
        result.put("errors", errors);
        result.put("cpuSeconds", ProcessProbe.difference(cpuBefore, probe.cpuSeconds()));
        result.put("peakRssMiB", probe.peakRssMiB());
        connections.forEach(BenchConnection::close);
        return result;
    }

    /**
     * N connections that only ping, as the SDK does (every 30 s: its default, and a third of the
     * connector's 90 s idle timeout), for the measured time: the connector's memory per connection
     * and the CPU the heartbeats cost.
     */
    static Map<String, Object> idle(BenchOptions options) throws Exception {
        List<BenchConnection> connections = prepare(options);
        ProcessProbe probe = new ProcessProbe();
        probe.collectGarbage("connector-service");
        double rssBefore = probe.rssMiB().getOrDefault("connector-service", 0.0);
        double heapBefore = probe.heapUsedMiB().getOrDefault("connector-service", 0.0);
        // every open connection pings every 20 s from the moment the first one opens: opening 10,000 takes
        // about a minute, and a connection silent for the idle timeout (60 s) is closed by the connector
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
        heartbeats.scheduleAtFixedRate(() -> connections.forEach(BenchConnection::ping), 20, 20, TimeUnit.SECONDS);
        long start = System.nanoTime();
        ChatBenchmark.connectAll(connections, options.webSocketUrl(), 128);
        double openSeconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(30_000); // presence of everyone who connected settles in friend- and message-service
        long openAtHold = connections.stream().filter(BenchConnection::isOpen).count();
        Map<String, Double> cpuBefore = probe.cpuSeconds();
        double machineBefore = ProcessProbe.machineBusySeconds();
        long holdStart = System.nanoTime();
        Thread.sleep(options.duration().toMillis());
        heartbeats.shutdownNow();
        long openAtEnd = connections.stream().filter(BenchConnection::isOpen).count();
        double held = (System.nanoTime() - holdStart) / 1e9;
        Map<String, Double> cpu = ProcessProbe.difference(cpuBefore, probe.cpuSeconds());
        probe.collectGarbage("connector-service"); // the live heap the connections hold
        double rssAfter = probe.rssMiB().getOrDefault("connector-service", 0.0);
        double heapAfter = probe.heapUsedMiB().getOrDefault("connector-service", 0.0);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("time", Instant.now().toString());
        result.put("connections", connections.size());
        result.put("devicesPerUser", options.devices());
        result.put("heartbeatSeconds", options.heartbeat().toSeconds());
        result.put("openSeconds", ChatBenchmark.round(openSeconds));
        result.put("heldSeconds", ChatBenchmark.round(held));
        result.put("openWhenTheHoldStarted", openAtHold);
        result.put("openWhenItEnded", openAtEnd);
        if (openAtEnd < connections.size()) {
            String warning = (connections.size() - openAtEnd) + " of " + connections.size()
                    + " connections closed before the hold ended: the figures are for fewer connections";
            System.out.println("WARNING: " + warning);
            result.put("connectionWarning", warning);
        }
        result.put("connectorRssMiB", Map.of("before", rssBefore, "after", rssAfter));
        result.put("connectorHeapUsedMiB", Map.of("before", heapBefore, "after", heapAfter));
        result.put(
                "connectorRssKiBPerConnection",
                ChatBenchmark.round((rssAfter - rssBefore) * 1024 / connections.size()));
        result.put(
                "connectorHeapKiBPerConnection",
                ChatBenchmark.round((heapAfter - heapBefore) * 1024 / connections.size()));
        Map<String, Double> percent = new LinkedHashMap<>();
        cpu.forEach((part, s) -> percent.put(part, ChatBenchmark.round(100 * s / held)));
        result.put("cpuPercentOfOneCoreWhileIdle", percent);
        ProcessProbe.recordOutside(result, machineBefore, cpu, held);
        connections.forEach(BenchConnection::close);
        return result;
    }

    private static List<BenchConnection> prepare(BenchOptions options) throws Exception {
        long t0 = System.nanoTime();
        int devices = options.devices();
        List<BenchUsers.User> devicesOfUsers =
                new BenchUsers(options.gateway()).prepare(options.userPrefix(), options.users(), devices);
        System.out.printf(
                "%d users x %d devices ready in %.1f s%n", options.users(), devices, (System.nanoTime() - t0) / 1e9);
        Recorder recorder = new Recorder();
        List<BenchConnection> connections = new ArrayList<>();
        for (int i = 0; i < devicesOfUsers.size(); i++) {
            int peerUser = (i / devices) ^ 1; // friend pairs 0-1, 2-3, ...
            connections.add(new BenchConnection(
                    devicesOfUsers.get(i),
                    devicesOfUsers.get(peerUser * devices).id(),
                    recorder));
        }
        return connections;
    }
}
