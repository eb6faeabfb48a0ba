package io.chatforge.im.platform;

import static io.chatforge.im.platform.AccountBadInputIT.assertProblem;
import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Group chat: fan-out across connectors, membership windows, mutes, roles and the member limit. */
class GroupsIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void threeMembersOnTwoConnectors_getEveryMessageOnceInOrder_andLeaversStopReceiving() {
        var alice = Accounts.registerAndLogin(api, "gowner");
        var bob = Accounts.registerAndLogin(api, "gbob");
        var carol = Accounts.registerAndLogin(api, "gcarol");
        var eve = Accounts.registerAndLogin(api, "geve");
        Friends.befriend(api, alice, bob);
        Friends.befriend(api, alice, carol);
        Friends.befriend(api, alice, eve);
        var group = api.post(
                "/api/groups",
                Map.of("name", "Trio 🎸", "memberIds", List.of(bob.userId(), carol.userId())),
                alice.accessToken());
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        long groupId = group.json().get("groupId").asLong();
        String conversation = group.text("conversationId");
        assertThat(group.json().get("memberCount").asInt()).isEqualTo(3);

        try (var aliceWs = WsClient.connectDirect(platform.connectorA, alice.accessToken());
                var bobWs = WsClient.connectDirect(platform.connectorB, bob.accessToken());
                var eveWs = WsClient.connect(platform, eve.accessToken())) {
            var carolWs = WsClient.connect(platform, carol.accessToken());
            awaitOnline(aliceWs, bobWs, carolWs, eveWs);
            for (int i = 1; i <= 10; i++) {
                aliceWs.send(groupSend("g-" + i, groupId, "hello group " + i));
            }
            for (WsClient member : List.of(bobWs, carolWs)) {
                assertThat(member.awaitCount("msg", 10, Duration.ofSeconds(20)))
                        .extracting(m -> m.get("body").get("text").asString())
                        .containsExactlyElementsOf(texts("hello group ", 1, 10));
            }
            assertThat(bobWs.frames("msg"))
                    .extracting(m -> m.get("seq").asLong())
                    .containsExactlyElementsOf(seqs(2, 11)); // seq 1 is the "group created" system message
            assertThat(aliceWs.awaitCount("sent", 10, Duration.ofSeconds(10))).hasSize(10);

            // carol goes offline, misses messages, and syncs them on her return
            long carolHas = carolWs.frames("msg").get(9).get("seq").asLong();
            carolWs.close();
            bobWs.send(groupSend("b-1", groupId, "while carol is away"));
            aliceWs.send(groupSend("g-11", groupId, "still away"));
            aliceWs.awaitCount("msg", 1, Duration.ofSeconds(10));
            try (var carolAgain = WsClient.connect(platform, carol.accessToken())) {
                awaitOnline(carolAgain);
                List<JsonNode> missed = FaultsIT.syncAll(carolAgain, Map.of(conversation, carolHas));
                assertThat(missed)
                        .extracting(m -> m.get("body").get("text").asString())
                        .containsExactlyInAnyOrder("while carol is away", "still away");
                assertThat(missed).extracting(m -> m.get("seq").asLong()).containsExactly(12L, 13L);

                // read receipts reach the members online
                carolAgain.send(Map.of("type", "read", "conversationId", conversation, "seq", 13));
                JsonNode receipt = aliceWs.await(
                        "group receipt",
                        f -> "receipt".equals(f.path("type").asString())
                                && f.get("readerId").asLong() == carol.userId());
                assertThat(receipt.get("seq").asLong()).isEqualTo(13);

                // a non-member is refused
                eveWs.send(groupSend("e-1", groupId, "let me in"));
                JsonNode refused = eveWs.await(
                        "refusal", f -> "error".equals(f.path("type").asString()));
                assertThat(refused.get("code").asString()).isEqualTo("not_a_member");
                assertThat(refused.get("ref").asString()).isEqualTo("e-1");

                // a muted member is refused with a clear error
                assertThat(api.post(
                                        "/api/groups/" + groupId + "/mutes/" + carol.userId(),
                                        Map.of("minutes", 10),
                                        alice.accessToken())
                                .status())
                        .isEqualTo(204);
                carolAgain.send(groupSend("c-muted", groupId, "can I speak?"));
                JsonNode muted = carolAgain.await(
                        "muted", f -> "error".equals(f.path("type").asString()));
                assertThat(muted.get("code").asString()).isEqualTo("muted");
                assertThat(carolAgain.frames("sent")).isEmpty();

                // bob leaves: he sees his leaving, then nothing more
                assertThat(api.delete("/api/groups/" + groupId + "/members/" + bob.userId(), bob.accessToken())
                                .status())
                        .isEqualTo(204);
                JsonNode left = bobWs.await(
                        "left",
                        f -> "msg".equals(f.path("type").asString())
                                && f.get("body").get("text").asString().contains("member.left"));
                long leftSeq = left.get("seq").asLong();
                aliceWs.send(groupSend("g-after", groupId, "after bob left"));
                carolAgain.await(
                        "after",
                        f -> "msg".equals(f.path("type").asString())
                                && "after bob left"
                                        .equals(f.get("body").get("text").asString()));
                assertThat(bobWs.frames("msg")).noneMatch(m -> "after bob left"
                        .equals(m.get("body").get("text").asString()));
                var bobsHistory = api.get(
                                "/api/conversations/" + conversation + "/messages?afterSeq=0&limit=200",
                                bob.accessToken())
                        .json()
                        .get("messages");
                assertThat(bobsHistory.get(bobsHistory.size() - 1).get("seq").asLong())
                        .isEqualTo(leftSeq);
                var bobsSync =
                        api.post("/api/sync", Map.of("cursors", Map.of(conversation, leftSeq)), bob.accessToken());
                assertThat(bobsSync.json().get("messages")).isEmpty();
                var bobsFullSync = api.post("/api/sync", Map.of("cursors", Map.of(conversation, 0)), bob.accessToken());
                assertThat(bobsFullSync.json().get("messages"))
                        .as("a former member syncs up to their leaving, not beyond")
                        .allSatisfy(m -> assertThat(m.get("seq").asLong()).isLessThanOrEqualTo(leftSeq));
                bobWs.send(groupSend("b-late", groupId, "I am gone"));
                assertThat(bobWs.await("refused", f -> "error"
                                        .equals(f.path("type").asString()))
                                .get("code")
                                .asString())
                        .isEqualTo("not_a_member");
            }
        }
    }

    @Test
    void receiptsSwitchedOff_reachOnlyTheReadersOtherDevices() {
        var alice = Accounts.registerAndLogin(api, "rcpt");
        var bob = Accounts.registerAndLogin(api, "rcpt");
        var bobPhone = Accounts.login(api, bob.username(), Accounts.PASSWORD, "phone");
        Friends.befriend(api, alice, bob);
        long groupId = createGroup(alice, List.of(bob.userId()));
        String conversation = "g_" + groupId;
        assertThat(api.patch("/api/groups/" + groupId, Map.of("receiptsEnabled", false), alice.accessToken())
                        .status())
                .isEqualTo(200);
        try (var aliceWs = WsClient.connect(platform, alice.accessToken());
                var bobWs = WsClient.connect(platform, bob.accessToken());
                var bobPhoneWs = WsClient.connect(platform, bobPhone.accessToken())) {
            awaitOnline(aliceWs, bobWs, bobPhoneWs);
            aliceWs.send(groupSend("r-1", groupId, "read me"));
            long seq = bobWs.await(
                            "msg",
                            f -> "msg".equals(f.path("type").asString())
                                    && "read me"
                                            .equals(f.get("body").get("text").asString()))
                    .get("seq")
                    .asLong();
            bobWs.send(Map.of("type", "read", "conversationId", conversation, "seq", seq));
            JsonNode own = bobPhoneWs.await(
                    "own receipt", f -> "receipt".equals(f.path("type").asString()));
            assertThat(own.get("seq").asLong()).isEqualTo(seq);
            // the read and this send are one conversation, handled in order: once the send arrives,
            // a receipt to alice would have arrived before it
            bobWs.send(groupSend("r-2", groupId, "after my read"));
            aliceWs.await(
                    "bob's message",
                    f -> "msg".equals(f.path("type").asString())
                            && "after my read".equals(f.get("body").get("text").asString()));
            assertThat(aliceWs.frames("receipt"))
                    .as("no receipt to other members")
                    .isEmpty();
        }
    }

    @Test
    void newMembers_seeOnlyWhatFollowsTheirJoining() {
        var alice = Accounts.registerAndLogin(api, "hist");
        var bob = Accounts.registerAndLogin(api, "hist");
        var dave = Accounts.registerAndLogin(api, "late");
        Friends.befriend(api, alice, bob);
        Friends.befriend(api, alice, dave);
        long groupId = createGroup(alice, List.of(bob.userId()));
        try (var aliceWs = WsClient.connect(platform, alice.accessToken())) {
            awaitOnline(aliceWs);
            aliceWs.send(groupSend("secret", groupId, "before dave"));
            aliceWs.awaitCount("sent", 1, Duration.ofSeconds(10));
        }
        var added = api.post(
                "/api/groups/" + groupId + "/members", Map.of("userIds", List.of(dave.userId())), alice.accessToken());
        assertThat(added.json().get("added")).extracting(JsonNode::asLong).containsExactly(dave.userId());
        var history = api.get("/api/conversations/g_" + groupId + "/messages", dave.accessToken())
                .json()
                .get("messages");
        assertThat(history)
                .extracting(m -> m.get("body").get("text").asString())
                .noneMatch(t -> t.equals("before dave"))
                .anyMatch(t -> t.contains("members.joined"));
        var list = api.get("/api/conversations", dave.accessToken())
                .json()
                .get("items")
                .get(0);
        assertThat(list.get("group").get("groupId").asLong()).isEqualTo(groupId);
    }

    @Test
    void forbiddenActions_get403_andChangeNothing() {
        var owner = Accounts.registerAndLogin(api, "rowner");
        var admin = Accounts.registerAndLogin(api, "radmin");
        var member = Accounts.registerAndLogin(api, "rmember");
        var outsider = Accounts.registerAndLogin(api, "routsider");
        Friends.befriend(api, owner, admin);
        Friends.befriend(api, owner, member);
        Friends.befriend(api, member, outsider);
        long groupId = createGroup(owner, List.of(admin.userId(), member.userId()));
        assertThat(api.post("/api/groups/" + groupId + "/admins/" + admin.userId(), null, owner.accessToken())
                        .status())
                .isEqualTo(204);
        String before = details(groupId, owner);

        String g = "/api/groups/" + groupId;
        String m = member.accessToken();
        assertProblem(api.patch(g, Map.of("name", "mine now"), m), 403, "not_allowed");
        assertProblem(api.post(g + "/members", Map.of("userIds", List.of(outsider.userId())), m), 403, "not_allowed");
        assertProblem(api.delete(g + "/members/" + admin.userId(), m), 403, "not_allowed");
        assertProblem(api.post(g + "/admins/" + member.userId(), null, m), 403, "not_allowed");
        assertProblem(api.post(g + "/transfer", Map.of("userId", member.userId()), m), 403, "not_allowed");
        assertProblem(api.post(g + "/mutes/" + admin.userId(), Map.of("minutes", 5), m), 403, "not_allowed");
        assertProblem(api.delete(g, m), 403, "not_allowed");
        String a = admin.accessToken();
        assertProblem(api.delete(g + "/members/" + owner.userId(), a), 403, "not_allowed");
        assertProblem(api.post(g + "/mutes/" + owner.userId(), Map.of("minutes", 5), a), 403, "not_allowed");
        assertProblem(api.post(g + "/admins/" + member.userId(), null, a), 403, "not_allowed");
        assertProblem(api.post(g + "/transfer", Map.of("userId", admin.userId()), a), 403, "not_allowed");
        assertProblem(api.delete(g, a), 403, "not_allowed");
        assertThat(details(groupId, owner)).as("nothing changed").isEqualTo(before);

        assertProblem(api.get(g, outsider.accessToken()), 404, "group_not_found");
        assertProblem(
                api.post(
                        "/api/groups",
                        Map.of("name", "x", "memberIds", List.of(outsider.userId())),
                        owner.accessToken()),
                403,
                "not_friends");
        assertProblem(api.delete(g + "/members/" + owner.userId(), owner.accessToken()), 409, "owner_cannot_leave");
        assertProblem(
                api.post("/api/groups", Map.of("memberIds", List.of()), owner.accessToken()), 400, "validation_failed");
        assertProblem(api.patch("/api/groups/abc", Map.of("name", "x"), owner.accessToken()), 400, "malformed_request");

        // the admin may kick a plain member; the owner may hand over and dissolve
        assertThat(api.delete(g + "/members/" + member.userId(), a).status()).isEqualTo(204);
        assertThat(api.post(g + "/transfer", Map.of("userId", admin.userId()), owner.accessToken())
                        .status())
                .isEqualTo(204);
        assertThat(api.delete(g, admin.accessToken()).status()).isEqualTo(204);
        assertProblem(api.get(g, admin.accessToken()), 404, "group_not_found");
        assertProblem(api.get(g + "/nothing-here", admin.accessToken()), 404, "not_found");
    }

    @Test
    void concurrentAddsAtTheMemberLimit_neverPassIt() {
        var owner = Accounts.registerAndLogin(api, "limit");
        List<Accounts.Account> friends = IntStream.range(0, Platform.Limits.GROUP_MEMBERS + 1)
                .mapToObj(i -> Accounts.registerAndLogin(api, "lf"))
                .toList();
        friends.forEach(f -> Friends.befriend(api, owner, f));
        int initial = Platform.Limits.GROUP_MEMBERS - 2; // owner + these = limit - 1
        long groupId = createGroup(
                owner,
                friends.subList(0, initial).stream()
                        .map(Accounts.Account::userId)
                        .toList());
        var first = CompletableFuture.supplyAsync(() -> api.post(
                "/api/groups/" + groupId + "/members",
                Map.of("userIds", List.of(friends.get(initial).userId())),
                owner.accessToken()));
        var second = CompletableFuture.supplyAsync(() -> api.post(
                "/api/groups/" + groupId + "/members",
                Map.of("userIds", List.of(friends.get(initial + 1).userId())),
                owner.accessToken()));
        assertThat(List.of(first.join().status(), second.join().status())).containsExactlyInAnyOrder(200, 409);
        var group = api.get("/api/groups/" + groupId, owner.accessToken()).json();
        assertThat(group.get("group").get("memberCount").asInt()).isEqualTo(Platform.Limits.GROUP_MEMBERS);
        assertThat(group.get("members").get("items")).hasSize(Platform.Limits.GROUP_MEMBERS);
    }

    private long createGroup(Accounts.Account owner, List<Long> members) {
        return Groups.create(api, owner, members);
    }

    private String details(long groupId, Accounts.Account viewer) {
        return api.get("/api/groups/" + groupId, viewer.accessToken()).body();
    }

    static Map<String, Object> groupSend(String clientMsgId, long groupId, String text) {
        return Map.of(
                "type",
                "send",
                "clientMsgId",
                clientMsgId,
                "to",
                Map.of("groupId", groupId),
                "body",
                Map.of("kind", "text", "text", text));
    }

    private static List<String> texts(String prefix, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> prefix + i).toList();
    }

    private static List<Long> seqs(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> (long) i).toList();
    }
}
