package io.chatforge.im.platform;

import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Components die mid-stream: a connector pod, message-service, Redis' data. A client that does
 * what the SDK does (reconnect, resend unacknowledged sends with the same clientMsgId, sync)
 * loses nothing and sees nothing twice; sequence numbers stay gap-free.
 */
class FaultsIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void aConnectorStoppedMidStream_clientsReconnectToTheOther_andNothingIsLost() {
        var alice = Accounts.registerAndLogin(api, "survivor");
        var bob = Accounts.registerAndLogin(api, "receiver");
        Friends.befriend(api, alice, bob);
        List<String> ids = IntStream.rangeClosed(1, 100).mapToObj(i -> "s-" + i).toList();
        Set<String> acknowledged = new HashSet<>();
        try (var bobWs = WsClient.connectDirect(platform.connectorB, bob.accessToken())) {
            awaitOnline(bobWs);
            var aliceWs = WsClient.connectDirect(platform.connectorA, alice.accessToken());
            awaitOnline(aliceWs);
            for (int i = 0; i < 50; i++) {
                aliceWs.sendMessage(ids.get(i), bob.userId(), "text " + ids.get(i));
            }
            platform.connectorA.stop(); // SIGTERM: drains its clients with 1012
            assertThat(aliceWs.awaitClose(Duration.ofSeconds(20))).isEqualTo(1012);
            aliceWs.frames("sent")
                    .forEach(s -> acknowledged.add(s.get("clientMsgId").asString()));
            aliceWs.close();

            try (var again = WsClient.connectDirect(platform.connectorB, alice.accessToken())) {
                awaitOnline(again);
                for (String id : ids) {
                    if (!acknowledged.contains(id)) {
                        again.sendMessage(id, bob.userId(), "text " + id);
                    }
                }
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                    Set<String> all = new HashSet<>(acknowledged);
                    again.frames("sent")
                            .forEach(s -> all.add(s.get("clientMsgId").asString()));
                    return all.containsAll(ids);
                });
            }
            List<JsonNode> messages = syncAll(bobWs, Map.of());
            assertThat(messages)
                    .extracting(m -> m.get("seq").asLong())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 100)
                            .mapToObj(i -> (long) i)
                            .toList());
            assertThat(messages)
                    .extracting(m -> m.get("body").get("text").asString())
                    .containsExactlyElementsOf(
                            ids.stream().map(id -> "text " + id).toList());
        } finally {
            platform.connectorA.start();
            platform.connectorA.awaitReady(Duration.ofMinutes(2));
        }
    }

    @Test
    void messageServiceKilledMidBatch_nothingLostNothingDoubled_andSeqsStayGapFree() {
        var alice = Accounts.registerAndLogin(api, "crash");
        var bob = Accounts.registerAndLogin(api, "crash");
        Friends.befriend(api, alice, bob);
        List<String> ids = IntStream.rangeClosed(1, 300).mapToObj(i -> "k-" + i).toList();
        try (var aliceWs = WsClient.connect(platform, alice.accessToken())) {
            awaitOnline(aliceWs);
            for (int i = 0; i < 150; i++) {
                aliceWs.sendMessage(ids.get(i), bob.userId(), "crash " + ids.get(i));
            }
            platform.message.kill();
            for (int i = 150; i < 300; i++) {
                aliceWs.sendMessage(ids.get(i), bob.userId(), "crash " + ids.get(i));
            }
            platform.message.start();
            platform.message.awaitReady(Duration.ofMinutes(2));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> aliceWs.frames("sent").stream()
                    .map(s -> s.get("clientMsgId").asString())
                    .collect(java.util.stream.Collectors.toSet())
                    .containsAll(ids));
        }
        var history = new ArrayList<JsonNode>();
        long after = 0;
        while (true) {
            var page = api.get(
                            "/api/conversations/" + MessagingIT.conversationOf(alice, bob)
                                    + "/messages?limit=200&afterSeq=" + after,
                            bob.accessToken())
                    .json()
                    .get("messages");
            if (page.isEmpty()) {
                break;
            }
            page.forEach(history::add);
            after = history.get(history.size() - 1).get("seq").asLong();
        }
        assertThat(history)
                .extracting(m -> m.get("seq").asLong())
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 300).mapToObj(i -> (long) i).toList());
        assertThat(history)
                .extracting(m -> m.get("body").get("text").asString())
                .containsExactlyElementsOf(ids.stream().map(id -> "crash " + id).toList());
    }

    @Test
    void redisFlushed_seqsContinue_andRoutesRebuildOnTheNextHeartbeat() {
        var alice = Accounts.registerAndLogin(api, "flush");
        var bob = Accounts.registerAndLogin(api, "flush");
        Friends.befriend(api, alice, bob);
        try (var aliceWs = WsClient.connect(platform, alice.accessToken());
                var bobWs = WsClient.connect(platform, bob.accessToken())) {
            awaitOnline(aliceWs, bobWs);
            aliceWs.sendMessage("before", bob.userId(), "before the flush");
            bobWs.await("first", f -> "msg".equals(f.path("type").asString()));

            TestInfrastructure.get().flushRedisDatabase(platform.redisDatabase);

            aliceWs.sendMessage("after", bob.userId(), "after the flush");
            JsonNode sent = aliceWs.await("sent after flush", f -> "after"
                    .equals(f.path("clientMsgId").asString()));
            assertThat(sent.get("seq").asLong())
                    .as("the database, not Redis, numbers messages")
                    .isEqualTo(2);
            // routes come back with the connectors' next refresh; pushes resume
            List<String> probes = new ArrayList<>();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        String probe = "probe-" + probes.size();
                        probes.add(probe);
                        aliceWs.sendMessage(probe, bob.userId(), probe);
                        return bobWs.frames("msg").stream()
                                .anyMatch(m ->
                                        m.get("body").get("text").asString().startsWith("probe"));
                    });
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> aliceWs.frames("sent").stream()
                    .map(f -> f.get("clientMsgId").asString())
                    .collect(java.util.stream.Collectors.toSet())
                    .containsAll(probes));
            List<JsonNode> all = syncAll(bobWs, Map.of());
            assertThat(all)
                    .extracting(m -> m.get("seq").asLong())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 2 + probes.size())
                            .mapToObj(i -> (long) i)
                            .toList());
        }
    }

    /** Every message after the cursors, page by page, as a device does after reconnecting. */
    static List<JsonNode> syncAll(WsClient ws, Map<String, Long> start) {
        Map<String, Long> cursors = start;
        List<JsonNode> messages = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int page = 0; page < 50; page++) {
            String ref = "sync-" + System.nanoTime();
            try {
                ws.send(Map.of("type", "sync", "ref", ref, "cursors", cursors, "limit", 200));
            } catch (CompletionException e) {
                throw new AssertionError("socket closed during sync", e);
            }
            JsonNode answer = ws.await(ref, f -> ref.equals(f.path("ref").asString()));
            for (JsonNode m : answer.get("messages")) {
                assertThat(seen.add(m.get("msgId").asString()))
                        .as("each message once")
                        .isTrue();
                messages.add(m);
            }
            cursors = ApiClient.JSON.convertValue(answer.get("cursors"), Map.class);
            if (!answer.get("hasMore").asBoolean()) {
                return messages;
            }
        }
        throw new AssertionError("sync did not end");
    }
}
