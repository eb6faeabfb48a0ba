package io.chatforge.im.platform;

import static io.chatforge.im.platform.AccountBadInputIT.assertProblem;
import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static io.chatforge.im.platform.MessagingIT.conversationOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The message lifecycle through the gateway and the socket: replies, mentions, edits, recalls,
 * reactions, forwards, delete for me, clear, mute and pin, every error of each, and unread counts.
 */
class LifecycleIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void inADirectChat_replyEditReactRecall_reachThePeer_andFoldIntoHistory() {
        var alice = Accounts.registerAndLogin(api, "life");
        var bob = Accounts.registerAndLogin(api, "life");
        Friends.befriend(api, alice, bob);
        String conversation = conversationOf(alice, bob);
        try (var a = WsClient.connect(platform, alice.accessToken());
                var b = WsClient.connect(platform, bob.accessToken())) {
            awaitOnline(a, b);
            String original = msgId(sent(a, "c1", to(bob), text("hello wrld")));

            var reply = body("text", "text", "hi!", "replyTo", original, "mentions", List.of(alice.userId()));
            sent(b, "c2", to(alice), reply);
            JsonNode quoted =
                    a.await("the reply", f -> isMsg(f, "c2-text", "hi!")).get("body");
            assertThat(quoted.get("replyTo").get("msgId").asString()).isEqualTo(original);
            assertThat(quoted.get("replyTo").get("seq").asLong()).isEqualTo(1);
            assertThat(quoted.get("replyTo").get("fromUserId").asLong()).isEqualTo(alice.userId());
            assertThat(quoted.get("replyTo").get("preview").asString()).isEqualTo("hello wrld");
            assertThat(quoted.get("mentions").get(0).asLong()).isEqualTo(alice.userId());

            sent(a, "c3", to(bob), body("edit", "target", original, "text", "hello world"));
            JsonNode edit = b.await("the edit", f -> isKind(f, "edit")).get("body");
            assertThat(edit.get("target").asString()).isEqualTo(original);
            assertThat(edit.get("targetSeq").asLong()).isEqualTo(1);
            assertThat(edit.get("text").asString()).isEqualTo("hello world");

            sent(b, "c4", to(alice), reaction(original, "👍", true));
            sent(b, "c5", to(alice), reaction(original, "👍", true)); // on twice is once
            sent(a, "c6", to(bob), reaction(original, "👍", true));
            sent(a, "c7", to(bob), reaction(original, "🎉", true));
            sent(a, "c8", to(bob), reaction(original, "🎉", false));
            b.await(
                    "a reaction",
                    f -> isKind(f, "reaction")
                            && f.path("body").path("targetSeq").asLong() == 1);

            JsonNode first = history(bob, conversation, "").get(0);
            assertThat(first.get("edited").get("text").asString()).isEqualTo("hello world");
            assertThat(first.get("body").get("text").asString())
                    .as("the original text stays, the edit is beside it")
                    .isEqualTo("hello wrld");
            assertThat(first.get("reactions")).hasSize(1);
            JsonNode thumbs = first.get("reactions").get(0);
            assertThat(thumbs.get("emoji").asString()).isEqualTo("👍");
            assertThat(thumbs.get("count").asInt()).isEqualTo(2);
            assertThat(thumbs.get("mine").asBoolean()).isTrue();
            assertThat(thumbs.get("userIds"))
                    .extracting(JsonNode::asLong)
                    .containsExactlyInAnyOrder(bob.userId(), alice.userId());

            assertThat(errorCode(b, "e1", to(alice), body("edit", "target", original, "text", "mine now")))
                    .isEqualTo("not_allowed");
            assertThat(errorCode(b, "e2", to(alice), body("recall", "target", original)))
                    .isEqualTo("not_allowed");
            assertThat(errorCode(a, "e3", to(bob), body("edit", "target", "123456", "text", "x")))
                    .isEqualTo("not_found");
            assertThat(errorCode(a, "e4", to(bob), body("text", "text", "x", "mentions", List.of("all"))))
                    .as("no \"all\" in a direct chat")
                    .isEqualTo("not_allowed");
            assertThat(errorCode(a, "e5", to(bob), body("text", "text", "x", "replyTo", "123456")))
                    .isEqualTo("invalid_field");
            assertThat(errorCode(a, "e8", to(bob), body("recall", "target", "123456")))
                    .isEqualTo("not_found");
            assertThat(errorCode(b, "e9", to(alice), reaction("123456", "👍", true)))
                    .isEqualTo("not_found");
            assertThat(errorCode(b, "e10", to(alice), body("reaction", "target", original, "on", true)))
                    .as("checked by the connector")
                    .isEqualTo("missing_field");
            assertThat(errorCode(b, "e11", to(alice), body("edit", "target", original)))
                    .isEqualTo("missing_field");
            assertThat(errorCode(b, "e12", to(alice), body("poll", "text", "?")))
                    .isEqualTo("invalid_field");
            awaitOnline(a, b); // every bad frame was answered, and both sessions live on

            sent(a, "c9", to(bob), body("recall", "target", original));
            JsonNode recall = b.await("the recall", f -> isKind(f, "recall")).get("body");
            assertThat(recall.get("targetSeq").asLong()).isEqualTo(1);

            List<JsonNode> shown = history(bob, conversation, "");
            assertThat(shown).extracting(m -> m.get("seq").asLong()).containsExactly(1L, 2L);
            assertThat(shown.get(0).get("recalled").asBoolean()).isTrue();
            assertThat(shown.get(0).get("body").isNull()).isTrue();
            assertThat(shown.get(0).has("edited")).isFalse();
            assertThat(shown.get(0).has("reactions")).isFalse();
            assertThat(shown.get(1).get("body").get("replyTo").get("preview").isNull())
                    .as("a quote of a recalled message shows nothing of it")
                    .isTrue();
            assertThat(history(bob, conversation, "&entries=all"))
                    .extracting(m -> m.get("body").isNull()
                            ? "recalled"
                            : m.get("body").get("kind").asString())
                    .containsExactly(
                            "recalled",
                            "text",
                            "edit",
                            "reaction",
                            "reaction",
                            "reaction",
                            "reaction",
                            "reaction",
                            "recall");
            assertThat(errorCode(a, "e6", to(bob), body("edit", "target", original, "text", "again")))
                    .isEqualTo("not_found");
            assertThat(errorCode(
                            b,
                            "e7",
                            to(alice),
                            body("forward", "from", Map.of("conversationId", conversation, "msgId", original))))
                    .isEqualTo("not_found");
            assertThat(storedTexts(conversation))
                    .as("the recalled text is erased from storage, with the edit that carried it")
                    .noneMatch(t -> t != null && (t.contains("wrld") || t.contains("hello world")));
        }
    }

    @Test
    void theRecallAndEditWindowsClose_forTheSender_butNotForAGroupsAdmins() {
        var owner = Accounts.registerAndLogin(api, "win");
        var member = Accounts.registerAndLogin(api, "win");
        Friends.befriend(api, owner, member);
        long groupId = createGroup(owner, List.of(member.userId()));
        try (var o = WsClient.connect(platform, owner.accessToken());
                var m = WsClient.connect(platform, member.accessToken())) {
            awaitOnline(o, m);
            JsonNode stored = sent(m, "w1", group(groupId), text("soon too late"));
            String mine = msgId(stored);
            sent(m, "w2", group(groupId), body("edit", "target", mine, "text", "in time"));
            long at = stored.get("ts").asLong();
            awaitClockPast(at + Platform.Limits.RECALL_WINDOW.toMillis() + 500);
            assertThat(errorCode(m, "w3", group(groupId), body("recall", "target", mine)))
                    .isEqualTo("recall_window_passed");
            awaitClockPast(at + Platform.Limits.EDIT_WINDOW.toMillis() + 500);
            assertThat(errorCode(m, "w4", group(groupId), body("edit", "target", mine, "text", "too late")))
                    .isEqualTo("edit_window_passed");
            sent(o, "w5", group(groupId), body("recall", "target", mine));
            m.await("the owner's recall", f -> isKind(f, "recall"));
            assertThat(history(member, "g_" + groupId, ""))
                    .filteredOn(x -> x.has("recalled"))
                    .hasSize(1);
        }
    }

    @Test
    void inAGroup_mentionsAreMembers_allIsForManagers_andUnreadMentionsCountThem() {
        var owner = Accounts.registerAndLogin(api, "ment");
        var member = Accounts.registerAndLogin(api, "ment");
        var other = Accounts.registerAndLogin(api, "ment");
        var stranger = Accounts.registerAndLogin(api, "ment");
        Friends.befriend(api, owner, member);
        Friends.befriend(api, owner, other);
        long groupId = createGroup(owner, List.of(member.userId(), other.userId()));
        String conversation = "g_" + groupId;
        try (var o = WsClient.connect(platform, owner.accessToken());
                var m = WsClient.connect(platform, member.accessToken())) {
            awaitOnline(o, m);
            assertThat(errorCode(m, "m1", group(groupId), body("text", "text", "hey all", "mentions", List.of("all"))))
                    .isEqualTo("not_allowed");
            assertThat(errorCode(
                            m,
                            "m2",
                            group(groupId),
                            body("text", "text", "hey", "mentions", List.of(stranger.userId()))))
                    .isEqualTo("invalid_field");
            sent(m, "m3", group(groupId), body("text", "text", "hey other", "mentions", List.of(other.userId())));
            sent(o, "m4", group(groupId), body("text", "text", "meeting!", "mentions", List.of("all")));
            sent(o, "m5", group(groupId), text("no mention"));
            String recalled = msgId(sent(
                    m, "m6", group(groupId), body("text", "text", "oops @other", "mentions", List.of(other.userId()))));
            sent(m, "m7", group(groupId), body("recall", "target", recalled));
            sent(m, "m8", group(groupId), reaction(msgId(sentFrame(o, "m5")), "👍", true));
        }
        JsonNode item = conversationItem(other, conversation);
        assertThat(item.get("unreadMentions").asLong())
                .as("m3 and m4; m6 was recalled")
                .isEqualTo(2);
        assertThat(item.get("unread").asLong())
                .as("m3, m4, m5: no system message, recall, reaction or recalled text counts")
                .isEqualTo(3);
        assertThat(item.get("lastMessage").get("recalled").asBoolean())
                .as("the list shows the last message (recalled), not the recall or reaction after it")
                .isTrue();
        assertThat(conversationItem(member, conversation).get("unread").asLong())
                .as("the member's own sends moved their cursor past the owner's messages")
                .isZero();
    }

    @Test
    void aMessageTakesTwentyDifferentEmojis_andAReactionMustBeOneEmoji() {
        var alice = Accounts.registerAndLogin(api, "emo");
        var bob = Accounts.registerAndLogin(api, "emo");
        Friends.befriend(api, alice, bob);
        try (var a = WsClient.connect(platform, alice.accessToken())) {
            awaitOnline(a);
            String target = msgId(sent(a, "r0", to(bob), text("react to me")));
            String[] emojis = {
                "😀", "😁", "😂", "🤣", "😃", "😄", "😅", "😆", "😉", "😊", "😋", "😎", "😍", "😘", "🥰", "😗", "😙",
                "🥲", "☺️", "🙂"
            };
            for (int i = 0; i < emojis.length; i++) {
                sent(a, "r" + (i + 1), to(bob), reaction(target, emojis[i], true));
            }
            assertThat(errorCode(a, "r21", to(bob), reaction(target, "🤗", true)))
                    .isEqualTo("invalid_field");
            assertThat(errorCode(a, "r22", to(bob), reaction(target, "lol", true)))
                    .isEqualTo("invalid_field");
            assertThat(errorCode(a, "r23", to(bob), reaction(target, "👍👍", true)))
                    .isEqualTo("invalid_field");
            sent(a, "r24", to(bob), reaction(target, "😀", false));
            sent(a, "r25", to(bob), reaction(target, "🤗", true));
            assertThat(history(alice, conversationOf(alice, bob), "").get(0).get("reactions"))
                    .hasSize(20);
        }
    }

    @Test
    void aForward_copiesAReadableMessage_toAnyConversationTheSenderMayWriteTo_andNothingElse() {
        var alice = Accounts.registerAndLogin(api, "fwd");
        var bob = Accounts.registerAndLogin(api, "fwd");
        var carol = Accounts.registerAndLogin(api, "fwd");
        Friends.befriend(api, alice, bob);
        Friends.befriend(api, alice, carol);
        Friends.befriend(api, bob, carol);
        String aliceBob = conversationOf(alice, bob);
        try (var a = WsClient.connect(platform, alice.accessToken());
                var c = WsClient.connect(platform, carol.accessToken())) {
            awaitOnline(a, c);
            String original = msgId(sent(a, "f1", to(bob), text("worth sharing")));
            var from = Map.of("conversationId", aliceBob, "msgId", original);

            sent(a, "f2", to(carol), body("forward", "from", from));
            JsonNode copy = c.await("the forward", f -> isMsg(f, "", "worth sharing"));
            assertThat(copy.get("body").get("kind").asString()).isEqualTo("text");
            assertThat(copy.get("body").get("forwarded").get("fromUserId").asLong())
                    .isEqualTo(alice.userId());

            assertThat(errorCode(c, "f3", to(alice), body("forward", "from", from)))
                    .as("carol cannot read alice and bob's chat: as if it did not exist")
                    .isEqualTo("not_found");
            assertThat(errorCode(
                            c,
                            "f4",
                            to(alice),
                            body("forward", "from", Map.of("conversationId", aliceBob, "msgId", "99999999"))))
                    .isEqualTo("not_found");
        }
        assertThat(conversationItem(carol, conversationOf(alice, carol))
                        .get("unread")
                        .asLong())
                .as("a forward is content: it counts as unread")
                .isEqualTo(1);
    }

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

            assertThat(history(bob, withBob, ""))
                    .extracting(m -> m.get("seq").asLong())
                    .containsExactly(1L, 3L, 4L);
            assertThat(history(alice, withBob, ""))
                    .as("alice still has all of it")
                    .extracting(m -> m.get("seq").asLong())
                    .containsExactly(1L, 2L, 3L, 4L);
            assertThat(conversationItem(bob, withBob).get("unread").asLong()).isEqualTo(3);

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
            assertThat(history(bob, withBob, "")).isEmpty();
            assertThat(conversationItem(bob, withBob).get("unread").asLong()).isZero();
            var sync = api.post("/api/sync", Map.of("cursors", Map.of(withBob, 0)), bob.accessToken());
            assertThat(sync.json().get("messages"))
                    .as("sync starts after the clear too; only bob's own entries remain")
                    .allMatch(m -> m.get("conversationId").asString().equals("u_" + bob.userId()));
            sent(a, "d6", to(bob), text("after the clear"));
            assertThat(history(bob, withBob, ""))
                    .extracting(m -> m.get("seq").asLong())
                    .containsExactly(5L);
            assertThat(history(alice, withBob, "")).hasSize(5);

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
        assertThat(conversationItem(bob, "u_" + bob.userId()))
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
                t.await("the first message", f -> isMsg(f, "", "before"));
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
        history(bob, conversation, "").forEach(server::apply);
        assertThat(server.visible().keySet()).hasSize(4); // early (edited, reacted), second (recalled), reply, end
        assertThat(server.visible().get(early))
                .containsEntry("text", "before, edited")
                .containsEntry(
                        "reactions",
                        Map.of("❤️", java.util.Set.of(alice.userId()), "👍", java.util.Set.of(alice.userId())));
        assertThat(tablet.visible()).isEqualTo(server.visible());
        assertThat(phone.visible()).isEqualTo(server.visible());
    }

    /** What a device shows, built from the frames it got in order, as a client applies them. */
    static final class DeviceState {
        private final Map<String, Map<String, Object>> messages = new LinkedHashMap<>();

        void apply(List<JsonNode> frames) {
            frames.forEach(this::apply);
        }

        void apply(JsonNode frame) {
            String type = frame.path("type").asString();
            if ("event".equals(type)
                    && "message.deleted".equals(frame.path("kind").asString())) {
                messages.remove(frame.get("data").get("msgId").asString());
                return;
            }
            if (!"msg".equals(type)) {
                return;
            }
            String msgId = frame.get("msgId").asString();
            if (frame.path("recalled").asBoolean(false)) {
                messages.put(msgId, recalled());
                return;
            }
            JsonNode body = frame.get("body");
            switch (body.get("kind").asString()) {
                case "text" -> {
                    Map<String, Object> state = new LinkedHashMap<>();
                    state.put(
                            "text",
                            frame.has("edited")
                                    ? frame.get("edited").get("text").asString()
                                    : body.get("text").asString());
                    if (body.has("replyTo")) {
                        state.put("replyTo", body.get("replyTo").get("msgId").asString());
                    }
                    if (frame.has("reactions")) {
                        Map<String, java.util.Set<Long>> reactions = new LinkedHashMap<>();
                        frame.get("reactions").forEach(r -> {
                            java.util.Set<Long> users = new java.util.HashSet<>();
                            r.get("userIds").forEach(u -> users.add(u.asLong()));
                            reactions.put(r.get("emoji").asString(), users);
                        });
                        state.put("reactions", reactions);
                    }
                    messages.put(msgId, state);
                }
                case "edit" ->
                    onTarget(body, s -> s.put("text", body.get("text").asString()));
                case "recall" -> messages.computeIfPresent(body.get("target").asString(), (k, v) -> recalled());
                case "reaction" ->
                    onTarget(body, s -> {
                        @SuppressWarnings("unchecked")
                        var reactions = (Map<String, java.util.Set<Long>>)
                                s.computeIfAbsent("reactions", x -> new LinkedHashMap<String, java.util.Set<Long>>());
                        long user = frame.get("from").get("userId").asLong();
                        String emoji = body.get("emoji").asString();
                        if (body.get("on").asBoolean()) {
                            reactions
                                    .computeIfAbsent(emoji, e -> new java.util.HashSet<>())
                                    .add(user);
                        } else if (reactions.containsKey(emoji)) {
                            reactions.get(emoji).remove(user);
                            if (reactions.get(emoji).isEmpty()) {
                                reactions.remove(emoji);
                            }
                        }
                        if (reactions.isEmpty()) {
                            s.remove("reactions");
                        }
                    });
                case "delete" -> messages.remove(body.get("target").asString());
                default -> {}
            }
        }

        private void onTarget(JsonNode body, java.util.function.Consumer<Map<String, Object>> change) {
            var state = messages.get(body.get("target").asString());
            if (state != null && !state.containsKey("recalled")) {
                change.accept(state);
            }
        }

        private static Map<String, Object> recalled() {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("recalled", true);
            return state;
        }

        Map<String, Map<String, Object>> visible() {
            return messages;
        }
    }

    // ---- helpers ----

    /** Waits (with a deadline) until this machine's clock, which the services share, is past {@code epochMillis}. */
    private static void awaitClockPast(long epochMillis) {
        Awaitility.await("the clock to pass " + epochMillis)
                .atMost(Duration.ofMillis(Math.max(0, epochMillis - System.currentTimeMillis()))
                        .plusSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> System.currentTimeMillis() > epochMillis);
    }

    private long createGroup(Accounts.Account owner, List<Long> members) {
        var created = api.post("/api/groups", Map.of("name", "group", "memberIds", members), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("groupId").asLong();
    }

    private List<JsonNode> history(Accounts.Account viewer, String conversation, String query) {
        var answer =
                api.get("/api/conversations/" + conversation + "/messages?limit=200" + query, viewer.accessToken());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        answer.json().get("messages").forEach(out::add);
        return out;
    }

    private JsonNode conversationItem(Accounts.Account viewer, String conversation) {
        for (JsonNode item : api.get("/api/conversations?size=100", viewer.accessToken())
                .json()
                .get("items")) {
            if (conversation.equals(item.get("conversationId").asString())) {
                return item;
            }
        }
        return null;
    }

    private List<String> storedTexts(String conversation) {
        return TestInfrastructure.get()
                .column(
                        platform.messageDatabase,
                        "SELECT CONCAT(content, COALESCE(edited_text, '')) FROM messages WHERE conversation_id = ?",
                        conversation);
    }

    static Map<String, Object> to(Accounts.Account user) {
        return Map.of("userId", user.userId());
    }

    static Map<String, Object> group(long groupId) {
        return Map.of("groupId", groupId);
    }

    static Map<String, Object> text(String text) {
        return Map.of("kind", "text", "text", text);
    }

    static Map<String, Object> reaction(String target, String emoji, boolean on) {
        return Map.of("kind", "reaction", "target", target, "emoji", emoji, "on", on);
    }

    static Map<String, Object> body(String kind, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    /** Sends and waits for the answer to this clientMsgId: its {@code sent} or its {@code error}. */
    static JsonNode answer(WsClient ws, String clientMsgId, Map<String, Object> to, Map<String, Object> body) {
        ws.send(Map.of("type", "send", "clientMsgId", clientMsgId, "to", to, "body", body));
        return ws.await(
                "the answer to " + clientMsgId,
                f -> ("sent".equals(f.path("type").asString())
                                && clientMsgId.equals(f.path("clientMsgId").asString()))
                        || ("error".equals(f.path("type").asString())
                                && clientMsgId.equals(f.path("ref").asString())));
    }

    static JsonNode sent(WsClient ws, String clientMsgId, Map<String, Object> to, Map<String, Object> body) {
        JsonNode answer = answer(ws, clientMsgId, to, body);
        assertThat(answer.path("type").asString()).as(answer.toString()).isEqualTo("sent");
        return answer;
    }

    static JsonNode sentFrame(WsClient ws, String clientMsgId) {
        return ws.frames("sent").stream()
                .filter(f -> clientMsgId.equals(f.path("clientMsgId").asString()))
                .findFirst()
                .orElseThrow();
    }

    static String errorCode(WsClient ws, String clientMsgId, Map<String, Object> to, Map<String, Object> body) {
        JsonNode answer = answer(ws, clientMsgId, to, body);
        assertThat(answer.path("type").asString()).as(answer.toString()).isEqualTo("error");
        return answer.get("code").asString();
    }

    static String msgId(JsonNode sent) {
        return sent.get("msgId").asString();
    }

    static boolean isMsg(JsonNode f, String unused, String text) {
        return "msg".equals(f.path("type").asString())
                && text.equals(f.path("body").path("text").asString());
    }

    static boolean isKind(JsonNode f, String kind) {
        return "msg".equals(f.path("type").asString())
                && kind.equals(f.path("body").path("kind").asString());
    }

    static boolean isEvent(JsonNode f, String kind) {
        return "event".equals(f.path("type").asString())
                && kind.equals(f.path("kind").asString());
    }
}
