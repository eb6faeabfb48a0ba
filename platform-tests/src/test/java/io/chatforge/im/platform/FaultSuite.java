package io.chatforge.im.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    /** steady flow before each fault: this many of the phase's messages delivered (about 6 s) */
    private static final int STEADY_BEFORE = 1_000;

    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(120);
    /** and after it recovered, this many more before the fault is undone (about 3 s) */
    private static final int STEADY_AFTER = 500;

    private final Platform platform = Platform.get();
    private final Path root = Path.of(System.getProperty("im.platform.root", ".."))
            .toAbsolutePath()
            .normalize();
    private final FaultActions actions = new FaultActions(root);
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

    @Test
    void faultsUnderLoad() throws Exception {
        prepare();
        List<Fault> faults = List.of(
                new Fault("none (steady load)", () -> {}, () -> {}),
                new Fault(
                        "kill -9 connector-a",
                        platform.connectorA::kill,
                        () -> FaultActions.restart(platform.connectorA),
                        "flowing again <= 10 s",
                        f -> flowingWithin(f, 10)),
                new Fault(
                        "message-service kill -9 mid-batch + restart",
                        () -> FaultActions.crashAndRestart(platform.message, false),
                        () -> {},
                        "flowing again <= 15 s after ready",
                        f -> flowingWithin(f, 15)),
                new Fault(
                        "message-service SIGTERM + restart",
                        () -> FaultActions.crashAndRestart(platform.message, true),
                        () -> {},
                        "flowing again <= 5 s after ready",
                        f -> flowingWithin(f, 5)),
                new Fault(
                        "Redis FLUSHDB",
                        () -> RedisProbe.flush(platform),
                        () -> {},
                        "flowing again <= 2 s (route refresh)",
                        f -> flowingWithin(f, 2)),
                new Fault("Kafka SIGSTOP 10 s", () -> actions.freezeKafka(Duration.ofSeconds(10)), () -> {}),
                new Fault("Kafka broker restart", actions::restartKafka, () -> {}),
                new Fault("MariaDB restart", actions::restartMariaDb, () -> {}),
                new Fault(
                        "friend-service SIGSTOP 30 s",
                        () -> FaultActions.freeze(platform.friend, Duration.ofSeconds(30)),
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
            awaitDelivered(i, STEADY_BEFORE);
            System.out.printf("[faults] %s: injecting%n", fault.name());
            long injected = System.currentTimeMillis();
            fault.action().inject();
            long ended = System.currentTimeMillis();
            double recovered = awaitRecovery(ended);
            System.out.printf(
                    "[faults] %s: fault window %.1f s, flowing again %.1f s after it%n",
                    fault.name(), (ended - injected) / 1000.0, recovered);
            windows.put(i, new double[] {(ended - injected) / 1000.0, recovered, injected, ended});
            awaitDelivered(i, deliveredIn(i) + STEADY_AFTER);
            fault.afterwards().run();
        }
        phase = -1; // stop sending
        drain();
        ownSyncs();
        timers.shutdownNow();
        devices.forEach(ResilientDevice::close);
        finalSync();

        List<FaultReport.Row> rows = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            Map<String, Object> f = FaultReport.figures(ledger, i, windows.get(i));
            f.put("limit", faults.get(i).limit());
            f.put("met", faults.get(i).met().test(f) ? "yes" : "**no**");
            rows.add(new FaultReport.Row(faults.get(i).name(), f));
        }
        String table = FaultReport.table(rows);
        System.out.println(table);
        Path report = root.resolve("platform-tests/target/fault-suite.md");
        Files.writeString(report, table);
        System.out.println("[faults] table written to " + report);
        for (FaultReport.Row row : rows) {
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

    /** Until the phase has this many messages delivered to all their recipients. */
    private void awaitDelivered(int phaseIndex, long count) {
        Awaitility.await("steady flow in phase " + phaseIndex)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> deliveredIn(phaseIndex) >= count);
    }

    private long deliveredIn(int phaseIndex) {
        return ledger.entries().stream()
                .filter(e -> e.phase == phaseIndex && e.deliveredLive())
                .count();
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
}
