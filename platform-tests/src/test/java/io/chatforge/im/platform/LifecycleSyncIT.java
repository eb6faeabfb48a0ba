package io.chatforge.im.platform;

import static io.chatforge.im.platform.AccountBadInputIT.assertProblem;
import static io.chatforge.im.platform.LifecycleSteps.*;
import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static io.chatforge.im.platform.MessagingIT.conversationOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What one user does to their own view (delete for me, clear, mute, pin) on all their devices, and
 * a device that was offline through every kind of change converging after sync.
 */
class LifecycleSyncIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void deleteForMe_clear_muteAndPin_changeOnlyMyView_onAllMyDevices() {
        var alice = Accounts.registerAndLogin(api, "mine");
        var bob = Accounts.registerAndLogin(api, "mine");
        var carol = Accounts.registerAndLogin(api, "mine");
        Friends.befriend(api, alice, bob);
        Friends.befriend(api, alice, carol);
        String withBob = conversationOf(alice, bob);
        String withCarol = conversationOf(alice, carol);
        var bobLaptop = Accounts.login(api, bob.username(), Accounts.PASSWORD, "laptop");
        List<String> ids = new ArrayList<>();
        try (var a = WsClient.connect(platform, alice.accessToken());
                var laptop = WsClient.connect(platform, bobLaptop.accessToken())) {
            awaitOnline(a, laptop);
            for (int i = 1; i <= 4; i++) {
                ids.add(msgId(sent(a, "d" + i, to(bob), text("line " + i))));
            }
            sent(a, "d5", to(carol), text("hi carol"));

            var deleted = api.delete("/api/conversations/" + withBob + "/messages/" + ids.get(1), bob.accessToken());
            assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
            assertThat(api.delete("/api/conversations/" + withBob + "/messages/" + ids.get(1), bob.accessToken())
                            .status())
                    .as("deleting again changes nothing")
                    .isEqualTo(204);
            JsonNode told = laptop.await("the deletion on the other device", f -> isEvent(f, "message.deleted"));
            assertThat(told.get("data").get("msgId").asString()).isEqualTo(ids.get(1));
            assertThat(told.get("data").get("seq").asLong()).isEqualTo(2);

            assertThat(history(api, bob, withBob, ""))
                    .extracting(m -> m.get("seq").asLong())
                    .containsExactly(1L, 3L, 4L);
            assertThat(history(api, alice, withBob, ""))
                    .as("alice still has all of it")
                    .extracting(m -> m.get("seq").asLong())
                    .containsExactly(1L, 2L, 3L, 4L);
            assertThat(conversationItem(api, bob, withBob).get("unread").asLong())
                    .isEqualTo(3);

            assertProblem(
                    api.delete("/api/conversations/" + withBob + "/messages/424242", bob.accessToken()),
                    404,
                    "message_not_found");
            assertProblem(
                    api.delete("/api/conversations/" + withBob + "/messages/not-an-id", bob.accessToken()),
                    404,
                    "message_not_found");
            assertProblem(
                    api.delete("/api/conversations/" + withBob + "/messages/" + ids.get(0), carol.accessToken()),
                    404,
                    "conversation_not_found");

            var cleared = api.post("/api/conversations/" + withBob + "/clear", null, bob.accessToken());
            assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
            assertThat(cleared.json().get("clearedThroughSeq").asLong()).isEqualTo(4);
            laptop.await("the clear on the other device", f -> isEvent(f, "conversation.cleared"));
            assertThat(history(api, bob, withBob, "")).isEmpty();
            assertThat(conversationItem(api, bob, withBob).get("unread").asLong())
                    .isZero();
            var sync = api.post("/api/sync", Map.of("cursors", Map.of(withBob, 0)), bob.accessToken());
            assertThat(sync.json().get("messages"))
                    .as("sync starts after the clear too; only bob's own entries remain")
                    .allMatch(m -> m.get("conversationId").asString().equals("u_" + bob.userId()));
            sent(a, "d6", to(bob), text("after the clear"));
            assertThat(history(api, bob, withBob, ""))
                    .extracting(m -> m.get("seq").asLong())
                    .containsExactly(5L);
            assertThat(history(api, alice, withBob, "")).hasSize(5);

            var settings = api.patch(
                    "/api/conversations/" + withCarol + "/settings",
                    Map.of("muted", true, "pinned", true),
                    alice.accessToken());
            assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
            assertThat(settings.json().get("muted").asBoolean()).isTrue();
            assertThat(settings.json().get("pinned").asBoolean()).isTrue();
            var list = api.get("/api/conversations", alice.accessToken()).json().get("items");
            assertThat(list.get(0).get("conversationId").asString())
                    .as("pinned first, though bob's chat is more recent")
                    .isEqualTo(withCarol);
            assertThat(list.get(0).get("muted").asBoolean()).isTrue();
            assertThat(list.get(1).get("pinned").asBoolean()).isFalse();
            var unmuted = api.patch(
                    "/api/conversations/" + withCarol + "/settings", Map.of("muted", false), alice.accessToken());
            assertThat(unmuted.json().get("pinned").asBoolean())
                    .as("absent fields stay")
                    .isTrue();
            assertThat(unmuted.json().get("muted").asBoolean()).isFalse();
            assertProblem(
                    api.patch(
                            "/api/conversations/" + withCarol + "/settings", Map.of("muted", true), bob.accessToken()),
                    404,
                    "conversation_not_found");
            assertProblem(
                    api.patch(
                            "/api/conversations/" + withCarol + "/settings",
                            Map.of("muted", "loud"),
                            alice.accessToken()),
                    400,
                    "malformed_request");
        }
        assertThat(conversationItem(api, bob, "u_" + bob.userId()))
                .as("the own conversation is not listed")
                .isNull();
    }

    /**
     * Two devices of one user: the phone stays online, the tablet is offline through sends,
     * edits, recalls, reactions and a delete; the user's third device (laptop) and the peer make
     * the changes. After its sync the tablet holds the same state as the phone, and both the
     * server's.
     */
    @Test
    void aDeviceOfflineThroughEveryKindOfChange_endsInTheSameStateAfterSync() {
        var alice = Accounts.registerAndLogin(api, "conv");
        var bob = Accounts.registerAndLogin(api, "conv");
        Friends.befriend(api, alice, bob);
        String conversation = conversationOf(alice, bob);
        var phone = new DeviceState();
        var tablet = new DeviceState();
        var tabletLogin = Accounts.login(api, bob.username(), Accounts.PASSWORD, "tablet");
        var laptopLogin = Accounts.login(api, bob.username(), Accounts.PASSWORD, "laptop");
        String early;
        try (var a = WsClient.connect(platform, alice.accessToken());
                var p = WsClient.connect(platform, bob.accessToken());
                var l = WsClient.connect(platform, laptopLogin.accessToken())) {
            try (var t = WsClient.connect(platform, tabletLogin.accessToken())) {
                awaitOnline(a, p, l, t);
                early = msgId(sent(a, "v1", to(bob), text("before")));
                t.await("the first message", f -> isMsg(f, "before"));
                tablet.apply(t.frames());
            }
            String second = msgId(sent(a, "v2", to(bob), text("second")));
            String third = msgId(sent(l, "v3", to(alice), text("third, from bob")));
            sent(a, "v4", to(bob), body("edit", "target", early, "text", "before, edited"));
            sent(l, "v5", to(alice), reaction(early, "❤️", true));
            sent(a, "v6", to(bob), reaction(early, "❤️", true));
            sent(a, "v7", to(bob), reaction(early, "👍", true));
            sent(l, "v8", to(alice), reaction(early, "❤️", false));
            sent(a, "v9", to(bob), body("recall", "target", second));
            sent(l, "v10", to(alice), body("text", "text", "replying", "replyTo", third));
            assertThat(api.delete("/api/conversations/" + conversation + "/messages/" + third, bob.accessToken())
                            .status())
                    .isEqualTo(204);
            String last = msgId(sent(a, "v11", to(bob), text("the end")));
            p.await("the last message", f -> last.equals(f.path("msgId").asString()));
            p.await("the deletion", f -> isEvent(f, "message.deleted"));
            phone.apply(p.frames());
        }
        // the tablet comes back and syncs from what it had, page by page
        Map<String, Long> cursors = new LinkedHashMap<>(Map.of(conversation, 1L));
        for (int page = 0; page < 20; page++) {
            JsonNode answer = api.post("/api/sync", Map.of("cursors", cursors, "limit", 3), tabletLogin.accessToken())
                    .json();
            answer.get("messages").forEach(tablet::apply);
            answer.get("cursors")
                    .properties()
                    .forEach(e -> cursors.put(e.getKey(), e.getValue().asLong()));
            if (!answer.get("hasMore").asBoolean()) {
                break;
            }
        }
        var server = new DeviceState();
        history(api, bob, conversation, "").forEach(server::apply);
        assertThat(server.visible().keySet()).hasSize(4); // early (edited, reacted), second (recalled), reply, end
        assertThat(server.visible().get(early))
                .containsEntry("text", "before, edited")
                .containsEntry(
                        "reactions",
                        Map.of("❤️", java.util.Set.of(alice.userId()), "👍", java.util.Set.of(alice.userId())));
        assertThat(tablet.visible()).isEqualTo(server.visible());
        assertThat(phone.visible()).isEqualTo(server.visible());
    }
}
