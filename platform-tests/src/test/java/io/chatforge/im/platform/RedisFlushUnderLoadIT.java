package io.chatforge.im.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Redis loses every route while friends chat through the gateway: the connectors notice within
 * about a second, write their routes again and tell their devices to sync ({@code event resync}),
 * so no device goes without its messages for longer than the route-refresh interval, and nothing
 * is lost or shown twice.
 */
class RedisFlushUnderLoadIT {
    private static final int PAIRS = 6;
    private static final long SEND_EVERY_MS = 100;
    /** IM_CONNECTOR_ROUTE_REFRESH_INTERVAL of the test platform */
    private static final Duration ROUTE_REFRESH_INTERVAL = Duration.ofSeconds(2);

    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();
    private final FaultLedger ledger = new FaultLedger();
    private final List<ResilientDevice> devices = new ArrayList<>();
    private final AtomicLong counter = new AtomicLong();
    private volatile boolean sending = true;

    @Test
    void aFlushUnderLoad_leavesNoDeviceWithoutItsMessagesForLongerThanTheRouteRefreshInterval() throws Exception {
        for (int p = 0; p < PAIRS; p++) {
            var a = Accounts.registerAndLogin(api, "flushload");
            var b = Accounts.registerAndLogin(api, "flushload");
            Friends.befriend(api, a, b);
            devices.add(new ResilientDevice(a.userId(), a.accessToken(), platform.webSocketUrl(), ledger));
            devices.add(new ResilientDevice(b.userId(), b.accessToken(), platform.webSocketUrl(), ledger));
        }
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
        try {
            timers.scheduleAtFixedRate(
                    () -> devices.forEach(d -> d.tick(System.currentTimeMillis())), 0, 50, TimeUnit.MILLISECONDS);
            Awaitility.await("every device online")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> devices.stream().allMatch(ResilientDevice::isOnline));
            timers.scheduleAtFixedRate(this::sendOneEach, 0, SEND_EVERY_MS, TimeUnit.MILLISECONDS);
            awaitDelivered(3); // steady load first

            long flushedAt = System.currentTimeMillis();
            TestInfrastructure.get().flushRedisDatabase(platform.redisDatabase);
            long windowEnd = flushedAt + 5_000;
            Awaitility.await("load after the flush")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> System.currentTimeMillis() >= windowEnd);
            sending = false;
            Awaitility.await("every acknowledged message delivered")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> devices.stream().allMatch(d -> d.unacknowledged() == 0)
                            && ledger.entries().stream().allMatch(FaultLedger.Entry::deliveredLive));

            // the messages in flight at the flush and those sent while routes were gone
            List<FaultLedger.Entry> around = ledger.entries().stream()
                    .filter(e -> e.createdAt >= flushedAt - 1_000 && e.createdAt <= windowEnd)
                    .toList();
            assertThat(around).hasSizeGreaterThan(PAIRS * 2 * 30);
            long longestWait = around.stream()
                    .mapToLong(e -> e.fullyDeliveredAt() - e.createdAt)
                    .max()
                    .orElseThrow();
            System.out.printf(
                    "[flush] %d messages around the flush, longest wait %d ms, resyncs %s%n",
                    around.size(),
                    longestWait,
                    devices.stream().map(d -> d.resyncs).toList());
            assertThat(longestWait)
                    .as("longest send-to-delivery wait around the flush (ms)")
                    .isLessThanOrEqualTo(ROUTE_REFRESH_INTERVAL.toMillis());
            assertThat(devices)
                    .as("every device was told its route had been lost")
                    .allMatch(d -> d.resyncs > 0);
            assertThat(ledger.entries()).noneMatch(FaultLedger.Entry::duplicated);
            assertThat(ledger.entries()).allMatch(FaultLedger.Entry::acknowledged);
        } finally {
            sending = false;
            timers.shutdownNow();
            devices.forEach(ResilientDevice::close);
        }
    }

    private void sendOneEach() {
        if (!sending) {
            return;
        }
        long now = System.currentTimeMillis();
        for (int i = 0; i < devices.size(); i++) {
            ResilientDevice from = devices.get(i);
            ResilientDevice to = devices.get(i ^ 1);
            String clientMsgId = "rf-" + from.userId + "-" + counter.incrementAndGet();
            ledger.created(clientMsgId, from.userId, Set.of(to.userId), 0, now);
            from.send(clientMsgId, Map.of("userId", to.userId), FaultLedger.text(clientMsgId));
        }
    }

    private void awaitDelivered(int rounds) {
        Awaitility.await("steady load")
                .atMost(Duration.ofSeconds(30))
                .until(() -> ledger.entries().stream()
                                .filter(FaultLedger.Entry::deliveredLive)
                                .count()
                        >= (long) rounds * devices.size());
    }
}
