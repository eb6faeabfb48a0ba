package io.chatforge.im.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One-to-one messaging across two connector instances: order, copies, acks, receipts, sync. */
class MessagingIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void friendsOnDifferentConnectors_chatBothWays_inOrder_withCopiesAndReceipts() {
        var alice = Accounts.registerAndLogin(api, "alice");
        var bob = Accounts.registerAndLogin(api, "bob");
        Friends.befriend(api, alice, bob);
        var aliceLaptop = Accounts.login(api, alice.username(), Accounts.PASSWORD, "laptop");
        String conversation = conversationOf(alice, bob);

        try (var phone = WsClient.connectDirect(platform.connectorA, alice.accessToken());
                var laptop = WsClient.connectDirect(platform.connectorB, aliceLaptop.accessToken());
                var bobWs = WsClient.connectDirect(platform.connectorB, bob.accessToken())) {
            awaitOnline(phone, laptop, bobWs);
            for (int i = 1; i <= 20; i++) {
                phone.sendMessage("a-" + i, bob.userId(), "hello " + i + " 👋");
            }
            List<JsonNode> received = bobWs.awaitCount("msg", 20, Duration.ofSeconds(20));
            assertThat(received)
                    .extracting(m -> m.get("body").get("text").asString())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 20)
                            .mapToObj(i -> "hello " + i + " 👋")
                            .toList());
            assertThat(received)
                    .extracting(m -> m.get("seq").asLong())
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, 20).mapToObj(i -> (long) i).toList());
            assertThat(received.get(0).get("conversationId").asString()).isEqualTo(conversation);
            assertThat(received.get(0).get("from").get("userId").asLong()).isEqualTo(alice.userId());
            assertThat(received.get(0).get("from").get("deviceId").asString()).isEqualTo("device-1");

            List<JsonNode> sent = phone.awaitCount("sent", 20, Duration.ofSeconds(10));
            assertThat(sent)
                    .extracting(s -> s.get("clientMsgId").asString())
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, 20).mapToObj(i -> "a-" + i).toList());
            assertThat(sent.get(19).get("msgId").asString())
                    .isEqualTo(received.get(19).get("msgId").asString());
            assertThat(laptop.awaitCount("msg", 20, Duration.ofSeconds(10)))
                    .as("the sender's other device gets a copy")
                    .extracting(m -> m.get("seq").asLong())
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, 20).mapToObj(i -> (long) i).toList());
            assertThat(phone.frames("msg"))
                    .as("not echoed to the sending device")
                    .isEmpty();

            bobWs.send(Map.of("type", "ack", "conversationId", conversation, "seq", 20));
            bobWs.send(Map.of("type", "read", "conversationId", conversation, "seq", 20));
            JsonNode receipt =
                    phone.await("receipt", f -> "receipt".equals(f.path("type").asString()));
            assertThat(receipt.get("readerId").asLong()).isEqualTo(bob.userId());
            assertThat(receipt.get("seq").asLong()).isEqualTo(20);
            laptop.await("receipt on the other device", f -> "receipt"
                    .equals(f.path("type").asString()));

            for (int i = 1; i <= 5; i++) {
                bobWs.sendMessage("b-" + i, alice.userId(), "reply " + i);
            }
            assertThat(phone.awaitCount("msg", 5, Duration.ofSeconds(10)))
                    .extracting(m -> m.get("seq").asLong())
                    .containsExactly(21L, 22L, 23L, 24L, 25L);
            assertThat(laptop.awaitCount("msg", 25, Duration.ofSeconds(10))).hasSize(25);

            var bobsList = api.get("/api/conversations", bob.accessToken())
                    .json()
                    .get("items")
                    .get(0);
            assertThat(bobsList.get("conversationId").asString()).isEqualTo(conversation);
            assertThat(bobsList.get("lastSeq").asLong()).isEqualTo(25);
            assertThat(bobsList.get("readSeq").asLong())
                    .as("own sends count as read")
                    .isEqualTo(25);
            assertThat(bobsList.get("unread").asLong()).isZero();
            assertThat(bobsList.get("lastMessage").get("body").get("text").asString())
                    .isEqualTo("reply 5");
            var alicesList = api.get("/api/conversations", alice.accessToken())
                    .json()
                    .get("items")
                    .get(0);
            assertThat(alicesList.get("unread").asLong()).isEqualTo(5);
            assertThat(alicesList.get("peer").get("userId").asLong()).isEqualTo(bob.userId());
            assertThat(alicesList.get("peer").get("readSeq").asLong())
                    .as("bob read up to 20, then his own sends moved his cursor")
                    .isEqualTo(25);
            assertThat(bobsList.get("peer").get("readSeq").asLong())
                    .as("alice has not read bob's replies")
                    .isEqualTo(20);
        }
    }

    @Test
    void offlineReceiver_syncsEveryMessage_onceAndInOrder() {
        var alice = Accounts.registerAndLogin(api, "sender");
        var bob = Accounts.registerAndLogin(api, "offline");
        Friends.befriend(api, alice, bob);
        try (var phone = WsClient.connect(platform, alice.accessToken())) {
            awaitOnline(phone);
            for (int i = 1; i <= 500; i++) {
                phone.sendMessage("m-" + i, bob.userId(), "message " + i);
            }
            phone.awaitCount("sent", 500, Duration.ofSeconds(60));
        }
        try (var bobWs = WsClient.connect(platform, bob.accessToken())) {
            awaitOnline(bobWs);
            Map<String, Long> cursors = Map.of();
            List<JsonNode> synced = new java.util.ArrayList<>();
            for (int page = 0; page < 10; page++) {
                String ref = "sync-" + page;
                bobWs.send(Map.of("type", "sync", "ref", ref, "cursors", cursors, "limit", 200));
                JsonNode answer = bobWs.await(ref, f -> ref.equals(f.path("ref").asString()));
                assertThat(answer.get("type").asString()).isEqualTo("sync.page");
                answer.get("messages").forEach(synced::add);
                cursors = ApiClient.JSON.convertValue(answer.get("cursors"), Map.class);
                if (!answer.get("hasMore").asBoolean()) {
                    break;
                }
            }
            assertThat(synced)
                    .extracting(m -> m.get("seq").asLong())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 500)
                            .mapToObj(i -> (long) i)
                            .toList());
            assertThat(synced)
                    .extracting(m -> m.get("body").get("text").asString())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 500)
                            .mapToObj(i -> "message " + i)
                            .toList());
        }
    }

    @Test
    void retryingTheSameClientMsgId_storesOneMessage_andAnswersIdentically() {
        var alice = Accounts.registerAndLogin(api, "retry");
        var bob = Accounts.registerAndLogin(api, "retry");
        Friends.befriend(api, alice, bob);
        String clientMsgId = UUID.randomUUID().toString();
        try (var phone = WsClient.connect(platform, alice.accessToken());
                var bobWs = WsClient.connect(platform, bob.accessToken())) {
            awaitOnline(phone, bobWs);
            for (int i = 0; i < 3; i++) {
                phone.sendMessage(clientMsgId, bob.userId(), "only once");
            }
            List<JsonNode> sent = phone.awaitCount("sent", 3, Duration.ofSeconds(10));
            assertThat(sent).hasSize(3).allSatisfy(s -> assertThat(s).isEqualTo(sent.get(0)));
            bobWs.sendMessage("fence", alice.userId(), "after the retries");
            phone.await("fence", f -> "msg".equals(f.path("type").asString()));
            assertThat(bobWs.frames("msg")).hasSize(1);
            var history =
                    api.get("/api/conversations/" + conversationOf(alice, bob) + "/messages", alice.accessToken());
            assertThat(history.json().get("messages"))
                    .extracting(m -> m.get("body").get("text").asString())
                    .containsExactly("only once", "after the retries");
        }
    }

    static String conversationOf(Accounts.Account a, Accounts.Account b) {
        return a.userId() < b.userId() ? "d_" + a.userId() + "_" + b.userId() : "d_" + b.userId() + "_" + a.userId();
    }

    /** A ping round trip proves the session is registered and its route published. */
    static void awaitOnline(WsClient... clients) {
        for (WsClient client : clients) {
            String ref = UUID.randomUUID().toString();
            client.send(Map.of("type", "ping", "ref", ref));
            client.await("pong", f -> "pong".equals(f.path("type").asString()));
        }
    }
}
