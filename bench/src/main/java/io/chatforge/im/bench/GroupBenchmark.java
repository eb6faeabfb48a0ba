package io.chatforge.im.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group fan-out: one group of {@code members} users, {@code online} of them connected, the owner
 * sends {@code messages} messages one after another. For each message: time from send to its
 * delivery on each online device, and to the last of them (the fan-out latency).
 *
 * <pre>java -jar bench-exec.jar --scenario=group --connections=1000 --online=200 --messages=100</pre>
 */
final class GroupBenchmark {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Map<String, Object> run(BenchOptions options, int online, int messages) throws Exception {
        var users = new BenchUsers(options.gateway());
        long t0 = System.nanoTime();
        List<BenchUsers.User> all = users.prepare(options.userPrefix(), options.connections());
        BenchUsers.User owner = all.get(0);
        List<BenchUsers.User> members = all.subList(1, all.size());
        users.befriendAll(owner, members);
        long groupId = users.createGroup(owner, members);
        System.out.printf(
                "group %d with %d members ready in %.1f s%n", groupId, all.size(), (System.nanoTime() - t0) / 1e9);

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, AtomicLong> lastDelivery = new ConcurrentHashMap<>();
        Map<String, LongAdder> deliveries = new ConcurrentHashMap<>();
        Histogram each = new org.HdrHistogram.ConcurrentHistogram(3);
        LongAdder duplicates = new LongAdder();
        List<WebSocket> sockets = new ArrayList<>();
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clients.add(HttpClient.newHttpClient());
        }
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int i = 1; i <= online; i++) {
            Map<String, Boolean> seen = new ConcurrentHashMap<>();
            opening.add(clients.get(i % clients.size())
                    .newWebSocketBuilder()
                    .buildAsync(
                            URI.create(options.webSocketUrl() + "?token="
                                    + members.get(i - 1).token()),
                            new Receiver(sentAt, lastDelivery, deliveries, each, duplicates, seen)));
        }
        for (var socket : opening) {
            sockets.add(socket.get());
        }
        // members only listen: a heartbeat keeps the connector's idle timeout (60 s) from closing them
        var heartbeat = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        heartbeat.scheduleAtFixedRate(
                () -> sockets.forEach(s -> s.sendText("{\"type\":\"ping\"}", true)),
                20,
                20,
                java.util.concurrent.TimeUnit.SECONDS);
        LongAdder ownerSent = new LongAdder();
        Map<String, LongAdder> ownerErrors = new ConcurrentHashMap<>();
        WebSocket ownerSocket = clients.get(0)
                .newWebSocketBuilder()
                .buildAsync(
                        URI.create(options.webSocketUrl() + "?token=" + owner.token()),
                        new OwnerListener(ownerSent, ownerErrors))
                .get();
        // presence: the members' online flags must reach the group's online set before the
        // measurement starts; warm-up messages until one reaches every connected member
        long presenceStart = System.nanoTime();
        long presenceDeadline = presenceStart + Duration.ofSeconds(60).toNanos();
        int warmups = 0;
        boolean ready = false;
        while (!ready && System.nanoTime() < presenceDeadline) {
            String id = "w" + System.nanoTime();
            warmups++;
            send(ownerSocket, groupId, id, sentAt);
            long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
            while (!ready && System.nanoTime() < until) {
                LongAdder count = deliveries.get(id);
                ready = count != null && count.sum() == online;
                Thread.sleep(10);
            }
        }
        double presenceSeconds = (System.nanoTime() - presenceStart) / 1e9;
        System.out.printf(
                "all %d members seen online by the group after %.1f s (%d warm-up messages)%n",
                online, presenceSeconds, warmups);
        sentAt.clear();
        deliveries.clear();
        lastDelivery.clear();
        each.reset();
        long ackedBefore = ownerSent.sum();
        ProcessProbe probe = new ProcessProbe();
        Map<String, Double> cpuBefore = probe.cpuSeconds();
        double machineBefore = ProcessProbe.machineBusySeconds();
        long measureStart = System.nanoTime();

        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= messages; n++) {
            String id = "g" + System.nanoTime();
            ids.add(id);
            send(ownerSocket, groupId, id, sentAt);
            Thread.sleep(200);
        }
        long drainDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < drainDeadline && totalOf(deliveries) < (long) messages * online) {
            Thread.sleep(50);
        }
        double measured = (System.nanoTime() - measureStart) / 1e9;
        Map<String, Double> cpu = ProcessProbe.difference(cpuBefore, probe.cpuSeconds());
        List<String> incomplete = new ArrayList<>();
        for (int n = 0; n < ids.size(); n++) {
            LongAdder count = deliveries.get(ids.get(n));
            long got = count == null ? 0 : count.sum();
            if (got != online) {
                incomplete.add("#" + (n + 1) + ":" + got);
            }
        }

        Histogram fanout = new Histogram(3);
        long complete = 0;
        for (var entry : sentAt.entrySet()) {
            AtomicLong last = lastDelivery.get(entry.getKey());
            LongAdder count = deliveries.get(entry.getKey());
            if (last != null) {
                fanout.recordValue(Math.max(1, (last.get() - entry.getValue()) / 1000));
            }
            if (count != null && count.sum() == online) {
                complete++;
            }
        }
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("members", all.size());
        result.put("online", online);
        result.put("messages", messages);
        result.put("presenceReadySeconds", Math.round(presenceSeconds * 10) / 10.0);
        result.put("acknowledged", ownerSent.sum() - ackedBefore);
        result.put("refused", ownerErrors.toString());
        result.put("messagesReachingEveryOnlineMember", complete);
        result.put("incomplete", incomplete.toString());
        result.put("deliveries", totalOf(deliveries));
        result.put("expectedDeliveries", (long) messages * online);
        result.put("duplicated", duplicates.sum());
        result.put("sendToLastDeliveryMs", ChatBenchmark.percentiles(fanout));
        result.put("sendToEachDeliveryMs", ChatBenchmark.percentiles(each));
        result.put("measuredSeconds", ChatBenchmark.round(measured));
        ProcessProbe.recordOutside(result, machineBefore, cpu, measured);
        result.put("cpuSecondsMeasured", cpu);
        Map<String, Double> perDelivery = new java.util.LinkedHashMap<>();
        long delivered = Math.max(1, totalOf(deliveries));
        cpu.forEach((part, seconds) -> perDelivery.put(part, ChatBenchmark.round(seconds * 1e6 / delivered)));
        perDelivery.put(
                "total",
                ChatBenchmark.round(
                        cpu.values().stream().mapToDouble(Double::doubleValue).sum() * 1e6 / delivered));
        result.put("cpuMicrosPerDelivery", perDelivery);
        result.put("peakRssMiB", probe.peakRssMiB());
        result.put("heapUsedMiB", probe.heapUsedMiB());
        heartbeat.shutdownNow();
        sockets.forEach(WebSocket::abort);
        ownerSocket.abort();
        return result;
    }

    private static void send(WebSocket owner, long groupId, String id, Map<String, Long> sentAt) {
        sentAt.put(id, System.nanoTime());
        owner.sendText(
                        "{\"type\":\"send\",\"clientMsgId\":\"" + id + "\",\"to\":{\"groupId\":" + groupId
                                + "},\"body\":{\"kind\":\"text\",\"text\":\"" + id + "\"}}",
                        true)
                .join();
    }

    private static long totalOf(Map<String, LongAdder> deliveries) {
        return deliveries.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private record Receiver(
            Map<String, Long> sentAt,
            Map<String, AtomicLong> lastDelivery,
            Map<String, LongAdder> deliveries,
            Histogram each,
            LongAdder duplicates,
            Map<String, Boolean> seen,
            StringBuilder partial)
            implements WebSocket.Listener {

        Receiver(
                Map<String, Long> sentAt,
                Map<String, AtomicLong> lastDelivery,
                Map<String, LongAdder> deliveries,
                Histogram each,
                LongAdder duplicates,
                Map<String, Boolean> seen) {
            this(sentAt, lastDelivery, deliveries, each, duplicates, seen, new StringBuilder());
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (!last) {
                webSocket.request(1); // a frame can arrive in parts
                return null;
            }
            JsonNode frame = JSON.readTree(partial.toString());
            partial.setLength(0);
            if ("msg".equals(frame.path("type").asString())) {
                String id = frame.get("body").get("text").asString();
                Long sent = sentAt.get(id);
                if (sent != null) {
                    if (seen.putIfAbsent(id, true) != null) {
                        duplicates.increment();
                    } else {
                        each.recordValue(Math.max(1, (now - sent) / 1000));
                        deliveries.computeIfAbsent(id, k -> new LongAdder()).increment();
                        lastDelivery.computeIfAbsent(id, k -> new AtomicLong()).accumulateAndGet(now, Math::max);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    /** Counts the owner's acknowledgements and refusals. */
    private record OwnerListener(LongAdder sent, Map<String, LongAdder> errors, StringBuilder partial)
            implements WebSocket.Listener {

        OwnerListener(LongAdder sent, Map<String, LongAdder> errors) {
            this(sent, errors, new StringBuilder());
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode frame = JSON.readTree(partial.toString());
                partial.setLength(0);
                switch (frame.path("type").asString()) {
                    case "sent" -> sent.increment();
                    case "error" ->
                        errors.computeIfAbsent(frame.path("code").asString(), c -> new LongAdder())
                                .increment();
                    default -> {}
                }
            }
            ws.request(1);
            return null;
        }
    }

    private GroupBenchmark() {}
}
