package io.chatforge.im.platform;

import static io.chatforge.im.platform.AccountBadInputIT.assertProblem;
import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who may read what, how many devices, offline notifications, and failing closed. */
class MessagingRulesIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void conversationsOfOthers_areNotFound_andHistoryPagesWork() {
        var alice = Accounts.registerAndLogin(api, "owner");
        var bob = Accounts.registerAndLogin(api, "owner");
        var eve = Accounts.registerAndLogin(api, "eve");
        Friends.befriend(api, alice, bob);
        try (var ws = WsClient.connect(platform, alice.accessToken())) {
            awaitOnline(ws);
            for (int i = 1; i <= 5; i++) {
                ws.sendMessage("h-" + i, bob.userId(), "history " + i);
            }
            ws.awaitCount("sent", 5, Duration.ofSeconds(10));
        }
        String conversation = MessagingIT.conversationOf(alice, bob);
        assertProblem(
                api.get("/api/conversations/" + conversation + "/messages", eve.accessToken()),
                404,
                "conversation_not_found");
        assertProblem(
                api.post("/api/conversations/" + conversation + "/read", Map.of("seq", 5), eve.accessToken()),
                404,
                "conversation_not_found");
        assertProblem(
                api.get("/api/conversations/not-a-conversation/messages", bob.accessToken()), 400, "validation_failed");
        assertProblem(
                api.post("/api/conversations/" + conversation + "/read", Map.of("seq", -1), bob.accessToken()),
                400,
                "validation_failed");
        assertThat(api.get("/api/conversations", eve.accessToken()).json().get("items"))
                .isEmpty();

        var before = api.get("/api/conversations/" + conversation + "/messages?beforeSeq=4&limit=2", bob.accessToken());
        assertThat(before.json().get("messages"))
                .extracting(m -> m.get("seq").asLong())
                .containsExactly(2L, 3L);
        var after = api.get("/api/conversations/" + conversation + "/messages?afterSeq=3", bob.accessToken());
        assertThat(after.json().get("messages"))
                .extracting(m -> m.get("seq").asLong())
                .containsExactly(4L, 5L);

        var read = api.post("/api/conversations/" + conversation + "/read", Map.of("seq", 3), bob.accessToken());
        assertThat(read.json().get("unread").asLong()).isEqualTo(2);
        var backwards = api.post("/api/conversations/" + conversation + "/read", Map.of("seq", 1), bob.accessToken());
        assertThat(backwards.json().get("readSeq").asLong())
                .as("cursors only move forward")
                .isEqualTo(3);
        var beyond = api.post("/api/conversations/" + conversation + "/read", Map.of("seq", 99), bob.accessToken());
        assertThat(beyond.json().get("readSeq").asLong())
                .as("never past the last message")
                .isEqualTo(5);

        var sync = api.post("/api/sync", Map.of("cursors", Map.of(conversation, 2)), bob.accessToken());
        assertThat(sync.json().get("messages"))
                .extracting(m -> m.get("seq").asLong())
                .containsExactly(3L, 4L, 5L);
    }

    @Test
    void clientMsgIdsDifferingOnlyInCase_areTwoMessages_andStallNothing() {
        var alice = Accounts.registerAndLogin(api, "casey");
        var bob = Accounts.registerAndLogin(api, "casey");
        Friends.befriend(api, alice, bob);
        try (var ws = WsClient.connect(platform, alice.accessToken())) {
            awaitOnline(ws);
            List<String> ids = List.of("k", "K", "k ", "after");
            for (String id : ids) {
                sendReliably(ws, id, bob.userId(), "text of " + id);
            }
            assertThat(ids)
                    .extracting(id -> sentFor(ws, id).get("seq").asLong())
                    .containsExactly(1L, 2L, 3L, 4L);
        }
    }

    /** As the SDK does: resend with the same clientMsgId until the server answers sent. */
    static void sendReliably(WsClient ws, String clientMsgId, long to, String text) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    ws.sendMessage(clientMsgId, to, text);
                    return ws.frames("sent").stream()
                            .anyMatch(
                                    f -> clientMsgId.equals(f.get("clientMsgId").asString()));
                });
    }

    static JsonNode sentFor(WsClient ws, String clientMsgId) {
        return ws.frames("sent").stream()
                .filter(f -> clientMsgId.equals(f.get("clientMsgId").asString()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aUserMayHaveOnlySoManyDevicesConnected() {
        var user = Accounts.registerAndLogin(api, "many");
        List<WsClient> devices = new ArrayList<>();
        try {
            for (int i = 1; i <= 5; i++) {
                var login = Accounts.login(api, user.username(), Accounts.PASSWORD, "device-" + i);
                WsClient device = WsClient.connect(platform, login.accessToken());
                devices.add(device);
                awaitOnline(device);
            }
            var sixth = Accounts.login(api, user.username(), Accounts.PASSWORD, "device-6");
            WsClient refused = WsClient.connect(platform, sixth.accessToken());
            devices.add(refused);
            JsonNode error =
                    refused.await("refusal", f -> "error".equals(f.path("type").asString()));
            assertThat(error.get("code").asString()).isEqualTo("too_many_connections");
            assertThat(refused.awaitClose(Duration.ofSeconds(10))).isEqualTo(1008);
            awaitOnline(devices.get(0));
        } finally {
            devices.forEach(WsClient::close);
        }
    }

    @Test
    void aMessageForAnOfflineUser_isAnnouncedOnImOffline() {
        var alice = Accounts.registerAndLogin(api, "pusher");
        var bob = Accounts.registerAndLogin(api, "asleep");
        Friends.befriend(api, alice, bob);
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().endpoints().kafkaBootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (var consumer = new KafkaConsumer<String, String>(props);
                var ws = WsClient.connect(platform, alice.accessToken())) {
            List<TopicPartition> partitions = consumer.partitionsFor("im.offline", Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            awaitOnline(ws);
            // as the SDK does: a retryable refusal (a breaker still open after another test) is retried
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        ws.sendMessage("for-later", bob.userId(), "read me when you wake up");
                        return !ws.frames("sent").isEmpty();
                    });
            List<JsonNode> events = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals(Long.toString(bob.userId()))) {
                        events.add(ApiClient.JSON.readTree(r.value()));
                    }
                });
                return !events.isEmpty();
            });
            assertThat(events.get(0).get("conversationId").asString())
                    .isEqualTo(MessagingIT.conversationOf(alice, bob));
            assertThat(events.get(0).get("senderId").asLong()).isEqualTo(alice.userId());
            assertThat(events.get(0).get("seq").asLong()).isEqualTo(1);
        }
    }

    @Test
    void withFriendServiceDown_friendsAlreadyChattingGoOn_andANeverSeenPairFailsClosedWithARetryableError() {
        var alice = Accounts.registerAndLogin(api, "closed");
        var bob = Accounts.registerAndLogin(api, "closed");
        var carol = Accounts.registerAndLogin(api, "going-on");
        var dave = Accounts.registerAndLogin(api, "going-on");
        Friends.befriend(api, alice, bob);
        Friends.befriend(api, carol, dave);
        try (var ws = WsClient.connect(platform, alice.accessToken());
                var carolWs = WsClient.connect(platform, carol.accessToken())) {
            awaitOnline(ws, carolWs);
            sendReliably(carolWs, "before-" + UUID.randomUUID(), dave.userId(), "hello");
            platform.friend.stop();
            try {
                String clientMsgId = UUID.randomUUID().toString();
                ws.sendMessage(clientMsgId, bob.userId(), "may I?");
                JsonNode error =
                        ws.await("refusal", f -> "error".equals(f.path("type").asString()), Duration.ofSeconds(30));
                assertThat(error.get("code").asString()).isEqualTo("temporarily_unavailable");
                assertThat(error.get("ref").asString()).isEqualTo(clientMsgId);
                assertThat(ws.frames("sent")).isEmpty();

                // message-service keeps its own view of the pairs it has seen: no call, no refusal
                String during = "during-" + UUID.randomUUID();
                carolWs.sendMessage(during, dave.userId(), "friend-service is away");
                carolWs.await(
                        "sent while friend-service is down",
                        f -> "sent".equals(f.path("type").asString())
                                && during.equals(f.path("clientMsgId").asString()),
                        Duration.ofSeconds(10));
                assertThat(carolWs.frames("error")).isEmpty();
            } finally {
                platform.friend.start();
                platform.friend.awaitReady(Duration.ofMinutes(2));
            }
            String retry = UUID.randomUUID().toString();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        ws.sendMessage(retry, bob.userId(), "now?");
                        return ws.frames("sent").stream()
                                .anyMatch(s -> retry.equals(s.get("clientMsgId").asString()));
                    });
        }
    }

    @Test
    void aBlock_stopsAChatAlreadyGoing_asSoonAsItsEventArrives() {
        var alice = Accounts.registerAndLogin(api, "chatting");
        var bob = Accounts.registerAndLogin(api, "chatting");
        Friends.befriend(api, alice, bob);
        try (var ws = WsClient.connect(platform, alice.accessToken())) {
            awaitOnline(ws);
            sendReliably(ws, "before-" + UUID.randomUUID(), bob.userId(), "hi"); // the pair is known now
            long blockedAt = System.nanoTime();
            assertThat(api.post("/api/friends/blocks/" + alice.userId(), null, bob.accessToken())
                            .status())
                    .isEqualTo(201);

            List<String> tried = new ArrayList<>();
            Awaitility.await("a send after the block is refused")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        String id = "after-" + tried.size();
                        tried.add(id);
                        ws.sendMessage(id, bob.userId(), "still there?");
                        return ws.frames("error").stream()
                                .anyMatch(e -> "blocked".equals(e.path("code").asString()));
                    });
            long millis = (System.nanoTime() - blockedAt) / 1_000_000;
            long through = ws.frames("sent").stream()
                    .filter(f -> f.get("clientMsgId").asString().startsWith("after-"))
                    .count();
            System.out.printf(
                    "block took effect after %d ms; %d of %d sends got through%n", millis, through, tried.size());
            assertThat(millis).as("the block's event reached message-service").isLessThan(10_000);
        }
    }
}
