package io.chatforge.im.platform;

import static io.chatforge.im.platform.LifecycleSteps.*;
import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static io.chatforge.im.platform.MessagingIT.conversationOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.testsupport.TestInfrastructure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The message lifecycle through the gateway and the socket: replies, mentions, edits, recalls,
 * reactions and forwards, every error of each, and unread counts ({@link LifecycleSyncIT}: what a
 * user does to their own view, and convergence after sync).
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
            JsonNode quoted = a.await("the reply", f -> isMsg(f, "hi!")).get("body");
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

            JsonNode first = history(api, bob, conversation, "").get(0);
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

            List<JsonNode> shown = history(api, bob, conversation, "");
            assertThat(shown).extracting(m -> m.get("seq").asLong()).containsExactly(1L, 2L);
            assertThat(shown.get(0).get("recalled").asBoolean()).isTrue();
            assertThat(shown.get(0).get("body").isNull()).isTrue();
            assertThat(shown.get(0).has("edited")).isFalse();
            assertThat(shown.get(0).has("reactions")).isFalse();
            assertThat(shown.get(1).get("body").get("replyTo").get("preview").isNull())
                    .as("a quote of a recalled message shows nothing of it")
                    .isTrue();
            assertThat(history(api, bob, conversation, "&entries=all"))
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
        long groupId = Groups.create(api, owner, List.of(member.userId()));
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
            assertThat(history(api, member, "g_" + groupId, ""))
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
        long groupId = Groups.create(api, owner, List.of(member.userId(), other.userId()));
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
        JsonNode item = conversationItem(api, other, conversation);
        assertThat(item.get("unreadMentions").asLong())
                .as("m3 and m4; m6 was recalled")
                .isEqualTo(2);
        assertThat(item.get("unread").asLong())
                .as("m3, m4, m5: no system message, recall, reaction or recalled text counts")
                .isEqualTo(3);
        assertThat(item.get("lastMessage").get("recalled").asBoolean())
                .as("the list shows the last message (recalled), not the recall or reaction after it")
                .isTrue();
        assertThat(conversationItem(api, member, conversation).get("unread").asLong())
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
            assertThat(history(api, alice, conversationOf(alice, bob), "")
                            .get(0)
                            .get("reactions"))
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
            JsonNode copy = c.await("the forward", f -> isMsg(f, "worth sharing"));
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
        assertThat(conversationItem(api, carol, conversationOf(alice, carol))
                        .get("unread")
                        .asLong())
                .as("a forward is content: it counts as unread")
                .isEqualTo(1);
    }

    private List<String> storedTexts(String conversation) {
        return TestInfrastructure.get()
                .column(
                        platform.messageDatabase,
                        "SELECT CONCAT(content, COALESCE(edited_text, '')) FROM messages WHERE conversation_id = ?",
                        conversation);
    }
}
