package io.chatforge.im.platform;

import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What reaches a connected device besides messages: social events, presence, typing. */
class RealtimeEventsIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void socialEvents_reachTheDevicesOfTheUserTheyConcern() {
        var alice = Accounts.registerAndLogin(api, "social");
        var bob = Accounts.registerAndLogin(api, "social");
        try (var aliceWs = WsClient.connect(platform, alice.accessToken());
                var bobWs = WsClient.connect(platform, bob.accessToken())) {
            awaitOnline(aliceWs, bobWs);
            long requestId = Friends.request(api, alice, bob);
            JsonNode received = bobWs.await("request event", f -> "friend.request.received"
                    .equals(f.path("kind").asString()));
            assertThat(received.get("data").get("otherUserId").asLong()).isEqualTo(alice.userId());
            assertThat(received.get("data").get("requestId").asLong()).isEqualTo(requestId);

            api.post("/api/friends/requests/" + requestId + "/accept", null, bob.accessToken());
            JsonNode accepted = aliceWs.await("accepted event", f -> "friend.request.accepted"
                    .equals(f.path("kind").asString()));
            assertThat(accepted.get("data").get("otherUserId").asLong()).isEqualTo(bob.userId());
        }
    }

    @Test
    void presence_isAnnouncedToOnlineFriends_andShownInTheFriendList() {
        var alice = Accounts.registerAndLogin(api, "watcher");
        var bob = Accounts.registerAndLogin(api, "comer");
        Friends.befriend(api, alice, bob);
        try (var aliceWs = WsClient.connect(platform, alice.accessToken())) {
            awaitOnline(aliceWs);
            assertThat(friendOnline(alice, bob)).isFalse();
            try (var bobWs = WsClient.connect(platform, bob.accessToken())) {
                awaitOnline(bobWs);
                JsonNode online = aliceWs.await("online", f -> isPresence(f, bob.userId(), true));
                assertThat(online.get("data").get("online").asBoolean()).isTrue();
                assertThat(friendOnline(alice, bob)).isTrue();
            }
            aliceWs.await("offline", f -> isPresence(f, bob.userId(), false), Duration.ofSeconds(20));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !friendOnline(alice, bob));
        }
    }

    @Test
    void presence_staysOnline_whileAnotherDeviceIsConnected() {
        var alice = Accounts.registerAndLogin(api, "watcher");
        var bob = Accounts.registerAndLogin(api, "twodevices");
        var bobTablet = Accounts.login(api, bob.username(), Accounts.PASSWORD, "device-2");
        Friends.befriend(api, alice, bob);
        try (var aliceWs = WsClient.connect(platform, alice.accessToken());
                var bobTabletWs = WsClient.connect(platform, bobTablet.accessToken())) {
            try (var bobPhoneWs = WsClient.connect(platform, bob.accessToken())) {
                awaitOnline(aliceWs, bobTabletWs, bobPhoneWs);
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> friendOnline(alice, bob));
            }
            // the phone left; past the offline delay (1 s in tests) bob is still online by the tablet
            Awaitility.await()
                    .during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> friendOnline(alice, bob));
            assertThat(aliceWs.frames()).noneMatch(f -> isPresence(f, bob.userId(), false));
        }
    }

    @Test
    void typing_reachesThePeer() {
        var alice = Accounts.registerAndLogin(api, "typer");
        var bob = Accounts.registerAndLogin(api, "reader");
        Friends.befriend(api, alice, bob);
        try (var aliceWs = WsClient.connect(platform, alice.accessToken());
                var bobWs = WsClient.connect(platform, bob.accessToken())) {
            awaitOnline(aliceWs, bobWs);
            aliceWs.send(Map.of("type", "typing", "to", Map.of("userId", bob.userId())));
            JsonNode typing =
                    bobWs.await("typing", f -> "typing".equals(f.path("kind").asString()));
            assertThat(typing.get("data").get("userId").asLong()).isEqualTo(alice.userId());
            assertThat(typing.get("data").get("conversationId").asString())
                    .isEqualTo(MessagingIT.conversationOf(alice, bob));
        }
    }

    private boolean friendOnline(Accounts.Account me, Accounts.Account friend) {
        for (JsonNode entry : api.get("/api/friends", me.accessToken()).json().get("items")) {
            if (entry.get("user").get("userId").asLong() == friend.userId()) {
                return entry.get("online").asBoolean();
            }
        }
        throw new AssertionError("not a friend: " + friend.userId());
    }

    private static boolean isPresence(JsonNode frame, long userId, boolean online) {
        return "presence".equals(frame.path("kind").asString())
                && frame.get("data").get("userId").asLong() == userId
                && frame.get("data").get("online").asBoolean() == online;
    }
}
