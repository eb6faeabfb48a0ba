package io.chatforge.im.platform;

import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who gets a group message is decided when it is delivered, from what is true then: a member who
 * connects and syncs at once gets every message either in that sync or by push (the device is
 * routable before its first frame is read); a member removed from the group gets nothing stored
 * after the removal, neither pushed nor synced.
 */
class GroupDeliveryIT {
    private static final int ROUNDS = 100;
    private static final int MEMBERS_PER_GROUP = 5;

    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void aMemberWhoConnectsAndSyncsWhileAMessageIsSent_getsIt_everyTime() {
        var sender = Accounts.registerAndLogin(api, "gsender");
        List<Accounts.Account> members = new ArrayList<>();
        Map<Long, String> conversationOf = new HashMap<>();
        Map<String, Long> groupIdOf = new HashMap<>();
        for (int g = 0; g < 2; g++) {
            List<Long> ids = new ArrayList<>();
            for (int m = 0; m < MEMBERS_PER_GROUP; m++) {
                var member = Accounts.registerAndLogin(api, "gjoin");
                Friends.befriend(api, sender, member);
                members.add(member);
                ids.add(member.userId());
            }
            var group = api.post("/api/groups", Map.of("name", "race " + g, "memberIds", ids), sender.accessToken());
            assertThat(group.status()).as(group.toString()).isEqualTo(201);
            String conversation = group.text("conversationId");
            groupIdOf.put(conversation, group.json().get("groupId").asLong());
            ids.forEach(id -> conversationOf.put(id, conversation));
        }
        Map<String, Long> known = new HashMap<>();
        List<String> missed = new ArrayList<>();
        try (var senderWs = WsClient.connect(platform, sender.accessToken())) {
            awaitOnline(senderWs);
            for (int round = 0; round < ROUNDS; round++) {
                var member = members.get(round % members.size());
                String conversation = conversationOf.get(member.userId());
                awaitOffline(member);
                String text = "race " + round;
                String clientMsgId = "r-" + round;
                try (var ws = WsClient.connect(platform, member.accessToken())) {
                    // the message and the member's first sync race each other
                    var message = GroupsIT.groupSend("r-" + round, groupIdOf.get(conversation), text);
                    var sent = CompletableFuture.runAsync(() -> senderWs.send(message));
                    String ref = "sync-" + round;
                    ws.send(Map.of(
                            "type",
                            "sync",
                            "ref",
                            ref,
                            "cursors",
                            Map.of(conversation, known.getOrDefault(conversation, 0L))));
                    sent.join();
                    if (!receives(ws, ref, conversation, text)) {
                        missed.add(text + " to user " + member.userId() + " (cursor " + known.get(conversation)
                                + ", sender got "
                                + senderWs.frames().stream()
                                        .filter(f -> clientMsgId.equals(
                                                        f.path("clientMsgId").asString())
                                                || clientMsgId.equals(
                                                        f.path("ref").asString()))
                                        .toList()
                                + ", member got " + ws.frames() + ")");
                    }
                    known.put(conversation, lastSeq(ws, conversation));
                }
            }
        }
        assertThat(missed)
                .as("messages a member connecting at that moment never got")
                .isEmpty();
    }

    @Test
    void aRemovedMember_getsNothingStoredAfterTheRemoval() {
        var owner = Accounts.registerAndLogin(api, "gkick");
        var removed = Accounts.registerAndLogin(api, "gkick");
        var stays = Accounts.registerAndLogin(api, "gkick");
        Friends.befriend(api, owner, removed);
        Friends.befriend(api, owner, stays);
        var group = api.post(
                "/api/groups",
                Map.of("name", "kick race", "memberIds", List.of(removed.userId(), stays.userId())),
                owner.accessToken());
        long groupId = group.json().get("groupId").asLong();
        String conversation = group.text("conversationId");
        try (var ownerWs = WsClient.connect(platform, owner.accessToken());
                var removedWs = WsClient.connect(platform, removed.accessToken());
                var staysWs = WsClient.connect(platform, stays.accessToken())) {
            awaitOnline(ownerWs, removedWs, staysWs);
            var burst = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 60; i++) {
                    ownerWs.send(GroupsIT.groupSend("k-" + i, groupId, "burst " + i));
                }
            });
            var kicked = api.delete("/api/groups/" + groupId + "/members/" + removed.userId(), owner.accessToken());
            assertThat(kicked.status()).as(kicked.toString()).isEqualTo(204);
            burst.join();
            // everything is stored and pushed once the member who stays has all of it
            List<JsonNode> all = staysWs.awaitCount("msg", 61, Duration.ofSeconds(30));
            long removal = all.stream()
                    .filter(m -> "system".equals(m.path("body").path("kind").asString())
                            && m.path("body").toString().contains("member.kicked"))
                    .findFirst()
                    .orElseThrow()
                    .get("seq")
                    .asLong();
            Awaitility.await("nothing after the removal pushed to the removed member")
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> removedWs.frames("msg").stream()
                            .allMatch(m -> m.get("seq").asLong() <= removal));
            List<JsonNode> synced = FaultsIT.syncAll(removedWs, Map.of(conversation, 0L));
            assertThat(synced).as("synced by the removed member").isNotEmpty().allSatisfy(m -> assertThat(
                            m.get("seq").asLong())
                    .isLessThanOrEqualTo(removal));
        }
    }

    /** Whether the text arrives by push or in the sync (paging on), within a few seconds. */
    private static boolean receives(WsClient ws, String ref, String conversation, String text) {
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        for (JsonNode frame : ws.frames()) {
                            if ("msg".equals(frame.path("type").asString())
                                    && text.equals(
                                            frame.path("body").path("text").asString())) {
                                return true;
                            }
                            if ("sync.page".equals(frame.path("type").asString())) {
                                for (JsonNode m : frame.get("messages")) {
                                    if (text.equals(m.path("body").path("text").asString())) {
                                        return true;
                                    }
                                }
                            }
                        }
                        return false;
                    });
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException missed) {
            return false;
        }
    }

    private static long lastSeq(WsClient ws, String conversation) {
        long last = 0;
        for (JsonNode frame : ws.frames()) {
            if ("msg".equals(frame.path("type").asString())) {
                last = Math.max(last, frame.get("seq").asLong());
            }
            if ("sync.page".equals(frame.path("type").asString())) {
                for (JsonNode m : frame.get("messages")) {
                    last = Math.max(last, m.get("seq").asLong());
                }
            }
        }
        return last;
    }

    /** The member's online flag is gone: their next connection is a first one. */
    private void awaitOffline(Accounts.Account member) {
        Awaitility.await("user " + member.userId() + " offline")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> RedisProbe.get(platform, "im:online:{" + member.userId() + "}") == null);
    }
}
