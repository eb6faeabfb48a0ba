package io.chatforge.im.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fault suite under load (docs/reliability.md), run by {@code scripts/faults.sh}, not by the
 * test suite: {@value #PAIRS} friend pairs each sending every {@value #ONE_TO_ONE_EVERY_MS} ms and a
 * group of {@value #GROUP_SIZE} each sending every {@value #GROUP_EVERY_MS} ms, all through the
 * gateway to two connectors, while one fault after another hits the platform. Devices behave as
 * the SDK does ({@link ResilientDevice}) and sync once more on their own at the end. Per fault it
 * prints sent, acknowledged, delivered (by the devices), lost, duplicated, the longest stall, the
 * acknowledgement p99 and the time to recover, writes the table to target/fault-suite.md, and fails
 * when anything was lost or duplicated or a fault's limit was missed.
 */
class FaultSuite {
    static final int PAIRS = 20;
    static final int GROUP_SIZE = 5;
    static final long ONE_TO_ONE_EVERY_MS = 250;
    static final long GROUP_EVERY_MS = 1000;
    private static final Duration BEFORE_FAULT = Duration.ofSeconds(8);
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(120);
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(5);

    private final Platform platform = Platform.get();
    private final Path root = Path.of(System.getProperty("im.platform.root", ".."))
            .toAbsolutePath()
            .normalize();
    private final FaultLedger ledger = new FaultLedger();
    private final List<ResilientDevice> devices = new ArrayList<>();
    private final List<Stream> streams = new ArrayList<>();
    private final AtomicLong counter = new AtomicLong();
    private volatile int phase;
    private long[] due;

    /** One sender's flow of messages: to its friend, or to the group. */
    record Stream(ResilientDevice from, Map<String, Object> to, Set<Long> recipients, long everyMs) {}

    /**
     * A fault, what undoes it after its phase, and the limit its phase must meet (besides nothing
     * lost or duplicated), in words for the table and as a check of the phase's figures.
     */
    record Fault(
            String name, FaultAction action, Runnable afterwards, String limit, Predicate<Map<String, Object>> met) {
        Fault(String name, FaultAction action, Runnable afterwards) {
            this(name, action, afterwards, "-", f -> true);
        }
    }

    interface FaultAction {
        void inject() throws Exception;
    }

    record Row(String fault, Map<String, Object> figures) {}

    @Test
    void faultsUnderLoad() throws Exception {
        prepare();
        List<Fault> faults = List.of(
                new Fault("none (steady load)", () -> {}, () -> {}),
                new Fault(
                        "kill -9 connector-a",
                        platform.connectorA::kill,
                        () -> restart(platform.connectorA),
                        "flowing again <= 10 s",
                        f -> flowingWithin(f, 10)),
                new Fault(
                        "message-service kill -9 mid-batch + restart",
                        () -> {
                            platform.message.kill();
                            restart(platform.message);
                        },
                        () -> {},
                        "flowing again <= 15 s after ready",
                        f -> flowingWithin(f, 15)),
                new Fault(
                        "message-service SIGTERM + restart",
                        () -> {
                            platform.message.stop();
                            restart(platform.message);
                        },
                        () -> {},
                        "flowing again <= 5 s after ready",
                        f -> flowingWithin(f, 5)),
                new Fault(
                        "Redis FLUSHDB",
                        () -> RedisProbe.flush(platform),
                        () -> {},
                        "flowing again <= 2 s (route refresh)",
                        f -> flowingWithin(f, 2)),
                new Fault("Kafka SIGSTOP 10 s", () -> freezeKafka(Duration.ofSeconds(10)), () -> {}),
                new Fault("Kafka broker restart", this::restartKafka, () -> {}),
                new Fault("MariaDB restart", this::restartMariaDb, () -> {}),
                new Fault(
                        "friend-service SIGSTOP 30 s",
                        () -> {
                            platform.friend.pause();
                            try {
                                Thread.sleep(30_000);
                            } finally {
                                platform.friend.resume();
                            }
                        },
                        () -> {},
                        "ack p99 < 1 s during the pause",
                        f -> (double) f.get("ackP99S") < 1.0));

        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        timers.scheduleAtFixedRate(this::tickAll, 0, 100, TimeUnit.MILLISECONDS);
        due = new long[streams.size()];
        timers.scheduleAtFixedRate(this::generate, 0, 50, TimeUnit.MILLISECONDS);
        awaitAllOnline();

        Map<Integer, double[]> windows = new LinkedHashMap<>();
        for (int i = 0; i < faults.size(); i++) {
            phase = i;
            Fault fault = faults.get(i);
            Thread.sleep(BEFORE_FAULT.toMillis());
            System.out.printf("[faults] %s: injecting%n", fault.name());
            long injected = System.currentTimeMillis();
            fault.action().inject();
            long ended = System.currentTimeMillis();
            double recovered = awaitRecovery(ended);
            System.out.printf(
                    "[faults] %s: fault window %.1f s, flowing again %.1f s after it%n",
                    fault.name(), (ended - injected) / 1000.0, recovered);
            windows.put(i, new double[] {(ended - injected) / 1000.0, recovered, injected, ended});
            Thread.sleep(AFTER_RECOVERY.toMillis());
            fault.afterwards().run();
        }
        phase = -1; // stop sending
        drain();
        ownSyncs();
        timers.shutdownNow();
        devices.forEach(ResilientDevice::close);
        finalSync();

        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            Map<String, Object> f = figures(i, windows.get(i));
            f.put("limit", faults.get(i).limit());
            f.put("met", faults.get(i).met().test(f) ? "yes" : "**no**");
            rows.add(new Row(faults.get(i).name(), f));
        }
        String table = table(rows);
        System.out.println(table);
        Path report = root.resolve("platform-tests/target/fault-suite.md");
        Files.writeString(report, table);
        System.out.println("[faults] table written to " + report);
        for (Row row : rows) {
            assertThat(row.figures().get("lost"))
                    .as("lost under %s", row.fault())
                    .isEqualTo(0L);
            assertThat(row.figures().get("duplicated"))
                    .as("duplicated under %s", row.fault())
                    .isEqualTo(0L);
        }
        assertThat(rows).as("every fault within its limit").allMatch(r -> "yes"
                .equals(r.figures().get("met")));
    }

    private void prepare() {
        String url = platform.webSocketUrl();
        List<Accounts.Account> users = new ArrayList<>();
        for (int i = 0; i < 2 * PAIRS + GROUP_SIZE; i++) {
            users.add(Accounts.registerAndLogin(platform.client(), "fault"));
        }
        for (Accounts.Account u : users) {
            devices.add(new ResilientDevice(u.userId(), u.accessToken(), url, ledger));
        }
        for (int p = 0; p < PAIRS; p++) {
            Accounts.Account a = users.get(2 * p);
            Accounts.Account b = users.get(2 * p + 1);
            Friends.befriend(platform.client(), a, b);
            streams.add(new Stream(
                    devices.get(2 * p), Map.of("userId", b.userId()), Set.of(b.userId()), ONE_TO_ONE_EVERY_MS));
            streams.add(new Stream(
                    devices.get(2 * p + 1), Map.of("userId", a.userId()), Set.of(a.userId()), ONE_TO_ONE_EVERY_MS));
        }
        int first = 2 * PAIRS;
        Accounts.Account owner = users.get(first);
        List<Long> memberIds = new ArrayList<>();
        for (int m = first + 1; m < first + GROUP_SIZE; m++) {
            Friends.befriend(platform.client(), owner, users.get(m));
            memberIds.add(users.get(m).userId());
        }
        var group = platform.client()
                .post("/api/groups", Map.of("name", "fault suite", "memberIds", memberIds), owner.accessToken());
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        long groupId = group.json().get("groupId").asLong();
        for (int m = first; m < first + GROUP_SIZE; m++) {
            Set<Long> others = new HashSet<>(memberIds);
            others.add(owner.userId());
            others.remove(users.get(m).userId());
            streams.add(new Stream(devices.get(m), Map.of("groupId", groupId), Set.copyOf(others), GROUP_EVERY_MS));
        }
    }

    private void tickAll() {
        long now = System.currentTimeMillis();
        for (ResilientDevice d : devices) {
            try {
                d.tick(now);
            } catch (RuntimeException e) {
                System.out.println("[faults] tick of " + d.userId + ": " + e);
            }
        }
    }

    /** Every stream sends at its own rate, the streams spread over the period; while a phase runs. */
    private void generate() {
        int current = phase;
        if (current < 0) {
            return;
        }
        long now = System.currentTimeMillis();
        for (int i = 0; i < streams.size(); i++) {
            Stream s = streams.get(i);
            if (due[i] == 0) {
                due[i] = now + (i * 37L) % s.everyMs();
            }
            if (now >= due[i]) {
                String clientMsgId = "f-" + s.from().userId + "-" + counter.incrementAndGet();
                ledger.created(clientMsgId, s.from().userId, s.recipients(), current, now);
                s.from().send(clientMsgId, s.to(), FaultLedger.text(clientMsgId));
                due[i] = Math.max(due[i] + s.everyMs(), now);
            }
        }
    }

    private void awaitAllOnline() {
        Awaitility.await("every device online")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> devices.stream().allMatch(ResilientDevice::isOnline));
    }

    /**
     * Seconds from the end of the fault until every stream has a message created after it that
     * reached all its recipients; {@code -1} if that did not happen within the deadline.
     */
    private double awaitRecovery(long ended) {
        try {
            long latest = Awaitility.await("every stream flowing again")
                    .atMost(RECOVERY_DEADLINE)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> lastFirstDeliveryAfter(ended), t -> t > 0);
            return (latest - ended) / 1000.0;
        } catch (ConditionTimeoutException notYet) {
            return -1;
        }
    }

    /**
     * The latest, over all streams, of each stream's first fully delivered message created after
     * {@code ended}; 0 while a stream has none.
     */
    private long lastFirstDeliveryAfter(long ended) {
        long latest = 0;
        for (Stream s : streams) {
            long first = ledger.entries().stream()
                    .filter(e -> e.sender == s.from().userId && e.createdAt >= ended)
                    .filter(e -> e.recipients.equals(s.recipients()))
                    .mapToLong(FaultLedger.Entry::fullyDeliveredAt)
                    .filter(t -> t > 0)
                    .min()
                    .orElse(0);
            if (first == 0) {
                return 0;
            }
            latest = Math.max(latest, first);
        }
        return latest;
    }

    /** Waits until every device's outbox is empty and every acknowledged message reached its recipients. */
    private void drain() {
        try {
            Awaitility.await("outboxes empty and every acknowledged message delivered")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> devices.stream().allMatch(d -> d.unacknowledged() == 0)
                            && ledger.entries().stream()
                                    .filter(FaultLedger.Entry::acknowledged)
                                    .allMatch(FaultLedger.Entry::deliveredLive));
            return;
        } catch (ConditionTimeoutException notDrained) {
            // reported below; the ledger then names what is missing
        }
        System.out.println("[faults] drain deadline passed: "
                + devices.stream().mapToInt(ResilientDevice::unacknowledged).sum() + " unacknowledged");
    }

    /**
     * Each device syncs once more on its own socket, through the gateway, as the SDK does (200 a
     * page, no maxBytes): what it then holds is what its user saw.
     */
    private void ownSyncs() {
        long now = System.currentTimeMillis();
        devices.forEach(d -> d.syncNow(now));
        try {
            Awaitility.await("every device's own sync done")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> devices.stream().allMatch(ResilientDevice::idle));
        } catch (ConditionTimeoutException notDone) {
            System.out.println("[faults] some devices did not finish their own sync");
        }
    }

    private static boolean flowingWithin(Map<String, Object> f, double seconds) {
        double after = (double) f.get("recoveredAfterS");
        return after >= 0 && after <= seconds;
    }

    /** Each recipient reads its conversations from the start over REST: whether what a device missed was stored. */
    private void finalSync() {
        Map<Long, Set<String>> conversations = new HashMap<>();
        for (FaultLedger.Entry e : ledger.entries()) {
            if (e.conversationId != null) {
                e.recipients.forEach(r ->
                        conversations.computeIfAbsent(r, x -> new HashSet<>()).add(e.conversationId));
            }
        }
        Map<Long, String> tokens = new HashMap<>();
        devices.forEach(d -> tokens.put(d.userId, d.token()));
        for (var entry : conversations.entrySet()) {
            long user = entry.getKey();
            Map<String, Object> cursors = new HashMap<>();
            entry.getValue().forEach(c -> cursors.put(c, 0));
            ApiClient api = platform.client();
            for (int page = 0; page < 10_000; page++) {
                var response = api.post("/api/sync", Map.of("cursors", cursors, "limit", 200), tokens.get(user));
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                JsonNode body = response.json();
                long now = System.currentTimeMillis();
                for (JsonNode msg : body.path("messages")) {
                    if (msg.path("from").path("userId").asLong() != user) {
                        ledger.finalSync(user, msg, now);
                    }
                }
                if (!body.path("hasMore").asBoolean()) {
                    break;
                }
                cursors.clear();
                body.path("cursors")
                        .properties()
                        .forEach(c -> cursors.put(c.getKey(), c.getValue().asLong()));
            }
        }
    }

    private Map<String, Object> figures(int phaseIndex, double[] window) {
        List<FaultLedger.Entry> mine =
                ledger.entries().stream().filter(e -> e.phase == phaseIndex).toList();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sent", (long) mine.size());
        f.put(
                "acknowledged",
                mine.stream().filter(FaultLedger.Entry::acknowledged).count());
        f.put("refused", mine.stream().filter(e -> e.refusedWith != null).count());
        f.put(
                "delivered",
                mine.stream().filter(FaultLedger.Entry::deliveredLive).count());
        f.put("lost", mine.stream().filter(FaultLedger.Entry::lost).count());
        f.put("duplicated", mine.stream().filter(FaultLedger.Entry::duplicated).count());
        f.put(
                "longestStallS",
                mine.stream()
                                .mapToLong(e -> e.fullyDeliveredAt() - e.createdAt)
                                .filter(l -> l >= 0)
                                .max()
                                .orElse(0)
                        / 1000.0);
        // acknowledgement times of the messages sent while the fault lasted (of the whole phase for an instant fault)
        long from = (long) window[2];
        long to = (long) window[3];
        List<FaultLedger.Entry> acked = mine.stream()
                .filter(FaultLedger.Entry::acknowledged)
                .filter(e -> to - from < 1_000 || (e.createdAt >= from && e.createdAt <= to))
                .toList();
        f.put(
                "ackP99S",
                percentile(
                                acked.stream()
                                        .mapToLong(e -> e.ackedAt - e.createdAt)
                                        .sorted()
                                        .toArray(),
                                0.99)
                        / 1000.0);
        f.put("faultWindowS", window[0]);
        f.put("recoveredAfterS", window[1]);
        mine.stream()
                .filter(FaultLedger.Entry::lost)
                .limit(20)
                .forEach(e -> System.out.printf(
                        "[faults] lost: %s msgId %s conversation %s seq %d, recipients %s, delivered to %s%s%n",
                        e.clientMsgId,
                        e.msgId,
                        e.conversationId,
                        e.seq,
                        e.recipients,
                        e.deliveries.keySet(),
                        e.deliveredToAll()
                                ? " (stored: the final REST sync found it)"
                                : " (not found over REST either)"));
        return f;
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String table(List<Row> rows) {
        StringBuilder t = new StringBuilder();
        t.append("| fault | sent | acknowledged | refused | delivered | lost | duplicated | longest stall (s)"
                + " | ack p99 (s) | fault window (s) | flowing again after (s) | limit | met |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            var f = r.figures();
            t.append("| ").append(r.fault());
            for (String k : List.of(
                    "sent",
                    "acknowledged",
                    "refused",
                    "delivered",
                    "lost",
                    "duplicated",
                    "longestStallS",
                    "ackP99S",
                    "faultWindowS",
                    "recoveredAfterS",
                    "limit",
                    "met")) {
                Object v = f.get(k);
                t.append(" | ").append(v instanceof Double d ? String.format(java.util.Locale.ROOT, "%.1f", d) : v);
            }
            t.append(" |\n");
        }
        t.append("\n").append(Instant.now()).append("\n");
        return t.toString();
    }

    private static void restart(io.chatforge.im.testsupport.ServiceProcess service) {
        service.start();
        service.awaitReady(Duration.ofMinutes(2));
    }

    /** SIGSTOP of the local broker, SIGCONT after the pause. */
    private void freezeKafka(Duration pause) throws IOException, InterruptedException {
        Path pidFile = root.resolve(".data/kafka/kafka.pid");
        // infra.sh of this checkout started it, or another checkout's did: then find the broker's process
        String pid = Files.exists(pidFile)
                ? Files.readString(pidFile).trim()
                : ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains("kafka.Kafka"))
                        .map(p -> Long.toString(p.pid()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no Kafka broker process found"));
        run("kill", "-STOP", pid);
        try {
            Thread.sleep(pause.toMillis());
        } finally {
            run("kill", "-CONT", pid);
        }
    }

    private void restartKafka() throws IOException, InterruptedException {
        run("scripts/infra.sh", "down", "kafka");
        run("scripts/infra.sh", "up");
    }

    /**
     * A clean shutdown and a start: through infra.sh when it started MariaDB, else mysqladmin and
     * mysqld_safe (Debian's init script cannot ping a server without its maintenance account).
     */
    private void restartMariaDb() throws IOException, InterruptedException {
        if (Files.exists(root.resolve(".data/mariadb/mariadbd.pid"))) {
            run("scripts/infra.sh", "down", "mariadb");
            run("scripts/infra.sh", "up");
            return;
        }
        run("mysqladmin", "-uroot", "shutdown");
        Awaitility.await("mariadbd stopped")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ProcessHandle.allProcesses()
                        .noneMatch(p -> p.info().command().orElse("").endsWith("/mariadbd")));
        new ProcessBuilder("setsid", "mysqld_safe")
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(root.resolve("platform-tests/target/fault-suite-commands.log")
                                .toFile()))
                .start();
        Awaitility.await("MariaDB back")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> new ProcessBuilder("mysqladmin", "-uroot", "ping")
                                .redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .start()
                                .waitFor()
                        == 0);
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(root.resolve("platform-tests/target/fault-suite-commands.log")
                                .toFile()))
                .start();
        if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: see fault-suite-commands.log");
        }
    }
}
