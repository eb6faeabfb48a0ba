package io.chatforge.im.platform;

import static io.chatforge.im.platform.AccountBadInputIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatforge.im.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Friend requests, friendships and blocks through the gateway, with their events on im.social. */
class FriendsIT {
    private static SocialEventsProbe events;
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @BeforeAll
    static void listen() {
        Platform.get();
        events = new SocialEventsProbe(TestInfrastructure.get().endpoints().kafkaBootstrap());
    }

    @AfterAll
    static void everyEventArrivedOnce() {
        events.close();
        List<String> ids =
                events.all().stream().map(e -> e.get("eventId").asString()).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void acceptedRequest_makesFriendsBothWays_withOneEventPerChange() {
        var alice = Accounts.registerAndLogin(api, "alice");
        var bob = Accounts.registerAndLogin(api, "bob");
        api.patch("/api/users/me", Map.of("nickname", "Alice 🌷"), alice.accessToken());

        var sent = api.post(
                "/api/friends/requests", Map.of("toUserId", bob.userId(), "message", "hello 👋"), alice.accessToken());
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.text("status")).isEqualTo("pending");
        long requestId = sent.json().get("id").asLong();

        var incoming = api.get("/api/friends/requests?direction=incoming", bob.accessToken())
                .json()
                .get("items");
        assertThat(incoming).hasSize(1);
        assertThat(incoming.get(0).get("id").asLong()).isEqualTo(requestId);
        assertThat(incoming.get(0).get("message").asString()).isEqualTo("hello 👋");
        assertThat(incoming.get(0).get("peer").get("nickname").asString()).isEqualTo("Alice 🌷");
        assertThat(api.get("/api/friends/requests?direction=outgoing", alice.accessToken())
                        .json()
                        .get("items"))
                .hasSize(1);

        var accepted = api.post("/api/friends/requests/" + requestId + "/accept", null, bob.accessToken());
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("accepted");

        assertThat(friendIds(alice)).containsExactly(bob.userId());
        assertThat(friendIds(bob)).containsExactly(alice.userId());
        assertThat(Friends.relation(platform, alice.userId(), bob.userId())
                        .json()
                        .get("friends")
                        .asBoolean())
                .isTrue();
        assertThat(api.get("/api/friends/requests?direction=incoming", bob.accessToken())
                        .json()
                        .get("items"))
                .as("no longer pending")
                .isEmpty();

        awaitEvents(bob, List.of("friend.request.received"));
        awaitEvents(alice, List.of("friend.request.accepted"));
        var received = events.eventsFor(bob.userId()).get(0);
        assertThat(received.get("version").asInt()).isEqualTo(1);
        assertThat(received.get("otherUserId").asLong()).isEqualTo(alice.userId());
        assertThat(received.get("requestId").asLong()).isEqualTo(requestId);
        assertThat(received.get("message").asString()).isEqualTo("hello 👋");
    }

    @Test
    void crossedRequests_makeFriends_evenWhenSentAtTheSameMoment() {
        for (int round = 0; round < 3; round++) {
            var a = Accounts.registerAndLogin(api, "cross");
            var b = Accounts.registerAndLogin(api, "cross");
            var fromA = CompletableFuture.supplyAsync(
                    () -> api.post("/api/friends/requests", Map.of("toUserId", b.userId()), a.accessToken()));
            var fromB = CompletableFuture.supplyAsync(
                    () -> api.post("/api/friends/requests", Map.of("toUserId", a.userId()), b.accessToken()));
            var answers = List.of(fromA.join(), fromB.join());

            assertThat(answers).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(201, 200);
            assertThat(answers).extracting(r -> r.text("status")).containsOnly("accepted", "pending");
            assertThat(friendIds(a)).containsExactly(b.userId());
            assertThat(friendIds(b)).containsExactly(a.userId());
            for (var user : List.of(a, b)) {
                for (String direction : List.of("incoming", "outgoing")) {
                    assertThat(api.get("/api/friends/requests?direction=" + direction, user.accessToken())
                                    .json()
                                    .get("items"))
                            .as("nothing left pending")
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void crossedRequest_acceptsTheOtherOne_withItsEvents() {
        var a = Accounts.registerAndLogin(api, "first");
        var b = Accounts.registerAndLogin(api, "second");
        long fromA = Friends.request(api, a, b);
        var fromB = api.post("/api/friends/requests", Map.of("toUserId", a.userId()), b.accessToken());
        assertThat(fromB.status()).isEqualTo(200);
        assertThat(fromB.json().get("id").asLong())
                .as("a's request was accepted")
                .isEqualTo(fromA);
        assertThat(fromB.text("status")).isEqualTo("accepted");
        awaitEvents(b, List.of("friend.request.received"));
        awaitEvents(a, List.of("friend.request.accepted"));
    }

    @Test
    void repeatingAPendingRequest_returnsTheSameRequest_andNoNewEvent() {
        var a = Accounts.registerAndLogin(api, "again");
        var b = Accounts.registerAndLogin(api, "again");
        var first = api.post("/api/friends/requests", Map.of("toUserId", b.userId()), a.accessToken());
        var second = api.post("/api/friends/requests", Map.of("toUserId", b.userId()), a.accessToken());
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id").asLong())
                .isEqualTo(first.json().get("id").asLong());
        awaitEvents(b, List.of("friend.request.received"));
    }

    @Test
    void requestRules_self_unknown_alreadyFriends_blocked() {
        var a = Accounts.registerAndLogin(api, "rules");
        var b = Accounts.registerAndLogin(api, "rules");
        var c = Accounts.registerAndLogin(api, "rules");
        assertProblem(
                api.post("/api/friends/requests", Map.of("toUserId", a.userId()), a.accessToken()),
                400,
                "cannot_befriend_self");
        assertProblem(
                api.post("/api/friends/requests", Map.of("toUserId", 987654321L), a.accessToken()),
                404,
                "user_not_found");
        Friends.befriend(api, a, b);
        assertProblem(
                api.post("/api/friends/requests", Map.of("toUserId", b.userId()), a.accessToken()),
                409,
                "already_friends");

        assertThat(api.post("/api/friends/blocks/" + c.userId(), null, a.accessToken())
                        .status())
                .isEqualTo(201);
        var blockedSender = api.post("/api/friends/requests", Map.of("toUserId", a.userId()), c.accessToken());
        var blockingSender = api.post("/api/friends/requests", Map.of("toUserId", c.userId()), a.accessToken());
        assertProblem(blockedSender, 403, "blocked");
        assertProblem(blockingSender, 403, "blocked");
        assertThat(blockedSender.text("detail"))
                .as("does not say who blocked whom")
                .isEqualTo(blockingSender.text("detail"));
        awaitEvents(a, List.of("friend.request.accepted", "block.added"));
        assertThat(events.eventsFor(c.userId()))
                .as("the blocked user is not told")
                .isEmpty();
    }

    @Test
    void onlyTheRightParty_mayActOnARequest_andOnlyOnce() {
        var a = Accounts.registerAndLogin(api, "party");
        var b = Accounts.registerAndLogin(api, "party");
        var stranger = Accounts.registerAndLogin(api, "party");
        long id = Friends.request(api, a, b);

        assertProblem(
                api.post("/api/friends/requests/" + id + "/accept", null, stranger.accessToken()),
                404,
                "request_not_found");
        assertProblem(
                api.post("/api/friends/requests/" + id + "/accept", null, a.accessToken()), 404, "request_not_found");
        assertProblem(api.delete("/api/friends/requests/" + id, b.accessToken()), 404, "request_not_found");
        assertProblem(api.delete("/api/friends/requests/" + id, stranger.accessToken()), 404, "request_not_found");

        assertThat(api.post("/api/friends/requests/" + id + "/decline", null, b.accessToken())
                        .text("status"))
                .isEqualTo("declined");
        assertProblem(
                api.post("/api/friends/requests/" + id + "/accept", null, b.accessToken()), 409, "request_not_pending");
        assertProblem(api.delete("/api/friends/requests/" + id, a.accessToken()), 409, "request_not_pending");
        assertThat(friendIds(a)).isEmpty();

        long again = Friends.request(api, a, b);
        assertThat(api.delete("/api/friends/requests/" + again, a.accessToken()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/friends/requests?direction=incoming", b.accessToken())
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(api.get("/api/friends/requests?direction=incoming&status=cancelled", b.accessToken())
                        .json()
                        .get("items"))
                .hasSize(1);

        awaitEvents(b, List.of("friend.request.received", "friend.request.received", "friend.request.cancelled"));
        awaitEvents(a, List.of("friend.request.declined"));
    }

    @Test
    void removingAFriend_endsBothDirections_andTheRelationCheckSeesItAtOnce() {
        var a = Accounts.registerAndLogin(api, "remove");
        var b = Accounts.registerAndLogin(api, "remove");
        Friends.befriend(api, a, b);
        // warm the relation cache in both orders
        assertThat(Friends.relation(platform, a.userId(), b.userId())
                        .json()
                        .get("friends")
                        .asBoolean())
                .isTrue();
        assertThat(Friends.relation(platform, b.userId(), a.userId())
                        .json()
                        .get("friends")
                        .asBoolean())
                .isTrue();

        assertThat(api.delete("/api/friends/" + b.userId(), a.accessToken()).status())
                .isEqualTo(204);

        assertThat(Friends.relation(platform, a.userId(), b.userId())
                        .json()
                        .get("friends")
                        .asBoolean())
                .isFalse();
        assertThat(Friends.relation(platform, b.userId(), a.userId())
                        .json()
                        .get("friends")
                        .asBoolean())
                .isFalse();
        assertThat(friendIds(a)).isEmpty();
        assertThat(friendIds(b)).isEmpty();
        assertProblem(api.delete("/api/friends/" + b.userId(), a.accessToken()), 404, "not_friends");
        awaitEvents(b, List.of("friend.request.received", "friendship.removed"));
    }

    @Test
    void blocking_endsTheFriendship_andWithdrawsPendingRequests() {
        var a = Accounts.registerAndLogin(api, "blocker");
        var b = Accounts.registerAndLogin(api, "friend");
        var c = Accounts.registerAndLogin(api, "asker");
        Friends.befriend(api, a, b);
        Friends.request(api, c, a);
        Friends.relation(platform, a.userId(), b.userId()); // cached as friends

        assertThat(api.post("/api/friends/blocks/" + b.userId(), null, a.accessToken())
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/friends/blocks/" + b.userId(), null, a.accessToken())
                        .status())
                .as("blocking again changes nothing")
                .isEqualTo(200);
        assertThat(api.post("/api/friends/blocks/" + c.userId(), null, a.accessToken())
                        .status())
                .isEqualTo(201);

        assertThat(friendIds(a)).isEmpty();
        assertThat(friendIds(b)).isEmpty();
        assertThat(api.get("/api/friends/requests?direction=incoming", a.accessToken())
                        .json()
                        .get("items"))
                .isEmpty();
        var relation = Friends.relation(platform, b.userId(), a.userId()).json();
        assertThat(relation.get("friends").asBoolean()).isFalse();
        assertThat(relation.get("blockedByA").asBoolean()).isFalse();
        assertThat(relation.get("blockedByB").asBoolean()).isTrue();
        assertThat(api.get("/api/friends/blocks", a.accessToken())
                        .json()
                        .get("items")
                        .findValues("userId"))
                .extracting(n -> n.asLong())
                .containsExactly(c.userId(), b.userId());

        assertThat(api.delete("/api/friends/blocks/" + b.userId(), a.accessToken())
                        .status())
                .isEqualTo(204);
        assertThat(Friends.relation(platform, a.userId(), b.userId())
                        .json()
                        .get("blockedByA")
                        .asBoolean())
                .isFalse();
        assertThat(friendIds(a))
                .as("unblocking does not restore the friendship")
                .isEmpty();
        assertProblem(api.delete("/api/friends/blocks/" + b.userId(), a.accessToken()), 404, "not_blocked");

        awaitEvents(
                a,
                List.of(
                        "friend.request.accepted", // b accepted a's request
                        "friend.request.received", // from c
                        "block.added",
                        "block.added",
                        "block.removed"));
        assertThat(events.typesFor(b.userId())).containsExactly("friend.request.received");
    }

    @Test
    void badInput_isRefused_andChangesNothing() {
        var a = Accounts.registerAndLogin(api, "bad");
        var b = Accounts.registerAndLogin(api, "bad");
        assertProblem(api.post("/api/friends/requests", "{\"toUserId\": ", a.accessToken()), 400, "malformed_request");
        assertProblem(
                api.post("/api/friends/requests", Map.of("message", "hi"), a.accessToken()), 400, "validation_failed");
        assertProblem(
                api.post("/api/friends/requests", "{\"toUserId\":\"abc\"}", a.accessToken()), 400, "malformed_request");
        assertProblem(
                api.post("/api/friends/requests", Map.of("toUserId", -5), a.accessToken()), 400, "validation_failed");
        assertProblem(
                api.post(
                        "/api/friends/requests",
                        Map.of("toUserId", b.userId(), "message", "m".repeat(201)),
                        a.accessToken()),
                400,
                "validation_failed");
        assertProblem(api.post("/api/friends/requests/abc/accept", null, b.accessToken()), 400, "malformed_request");
        assertProblem(
                api.post("/api/friends/requests/99999999/accept", null, b.accessToken()), 404, "request_not_found");
        assertProblem(api.get("/api/friends/requests?direction=sideways", a.accessToken()), 400, "validation_failed");
        assertProblem(api.get("/api/friends/requests?status=maybe", a.accessToken()), 400, "validation_failed");
        assertProblem(api.get("/api/friends?size=1000", a.accessToken()), 400, "validation_failed");
        assertProblem(api.post("/api/friends/blocks/" + a.userId(), null, a.accessToken()), 400, "validation_failed");
        assertProblem(api.post("/api/friends/blocks/987654321", null, a.accessToken()), 404, "user_not_found");
        assertProblem(api.delete("/api/friends/xyz", a.accessToken()), 400, "malformed_request");
        assertProblem(api.get("/api/friends", null), 401, "authentication_required");

        assertThat(api.get("/api/friends/requests?direction=incoming", b.accessToken())
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(api.get("/api/friends/requests?direction=outgoing", a.accessToken())
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(events.eventsFor(a.userId())).isEmpty();
        assertThat(events.eventsFor(b.userId())).isEmpty();
    }

    private List<Long> friendIds(Accounts.Account user) {
        var page = api.get("/api/friends", user.accessToken());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("items").findValues("userId").stream()
                .map(n -> n.asLong())
                .toList();
    }

    /** Waits until exactly these events, in this order, concern the user. */
    private static void awaitEvents(Accounts.Account user, List<String> types) {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(events.typesFor(user.userId())).containsExactlyElementsOf(types));
    }
}
