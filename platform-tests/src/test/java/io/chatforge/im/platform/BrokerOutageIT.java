package io.chatforge.im.platform;

import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Kafka broker stops answering: a connector keeps serving its sockets (nothing blocks a
 * network thread), a send gets a retryable error within seconds, and sending resumes once the
 * broker is back.
 */
class BrokerOutageIT {
    private static final Duration PING_BUDGET = Duration.ofMillis(100);

    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void withTheBrokerFrozen_sendsGetARetryableErrorFast_andOtherSocketsStillAnswerPings() {
        var broker = LocalBroker.find();
        var alice = Accounts.registerAndLogin(api, "outage");
        var bob = Accounts.registerAndLogin(api, "outage");
        Friends.befriend(api, alice, bob);
        List<WsClient> probes = new ArrayList<>();
        try (var aliceWs = WsClient.connectDirect(platform.connectorA, alice.accessToken())) {
            for (var user : List.of(Accounts.registerAndLogin(api, "probe"), Accounts.registerAndLogin(api, "probe"))) {
                for (int device = 1; device <= 4; device++) {
                    var login = Accounts.login(api, user.username(), Accounts.PASSWORD, "probe-" + device);
                    probes.add(WsClient.connectDirect(platform.connectorA, login.accessToken())
                            .withoutHeartbeat());
                }
            }
            awaitOnline(aliceWs);
            awaitOnline(probes.toArray(WsClient[]::new));

            List<String> ids = new ArrayList<>();
            broker.pause();
            try {
                for (int i = 0; i < 50; i++) {
                    String id = "outage-" + i + "-" + UUID.randomUUID();
                    ids.add(id);
                    aliceWs.sendMessage(id, bob.userId(), "while the broker is away " + i);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
                Duration slowest = Duration.ZERO;
                int pings = 0;
                while (System.nanoTime() < deadline) {
                    for (WsClient probe : probes) {
                        Duration rtt = probe.pingRoundTrip(Duration.ofSeconds(2));
                        slowest = rtt.compareTo(slowest) > 0 ? rtt : slowest;
                        pings++;
                    }
                }
                assertThat(slowest)
                        .as("slowest of %d pings on other sockets of the same connector", pings)
                        .isLessThan(PING_BUDGET);
                JsonNode refusal = aliceWs.await(
                        "a retryable error for a send",
                        f -> "error".equals(f.path("type").asString())
                                && "temporarily_unavailable"
                                        .equals(f.path("code").asString()),
                        Duration.ofSeconds(3));
                assertThat(ids).contains(refusal.get("ref").asString());
            } finally {
                broker.resume();
            }
            String after = "after-" + UUID.randomUUID();
            Awaitility.await("sending resumes once the broker answers")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        aliceWs.sendMessage(after, bob.userId(), "back");
                        return aliceWs.frames("sent").stream()
                                .anyMatch(s -> after.equals(s.get("clientMsgId").asString()));
                    });
        } finally {
            probes.forEach(WsClient::close);
        }
    }
}
