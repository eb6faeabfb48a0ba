package io.chatforge.im.message.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.contracts.frame.MediaInfo;
import io.chatforge.im.contracts.frame.Mentions;
import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.message.log.LifecycleRules.Accepted;
import io.chatforge.im.message.log.LifecycleRules.Decision;
import io.chatforge.im.message.log.LifecycleRules.Refused;
import io.chatforge.im.message.log.LifecycleRules.Target;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LifecycleRulesTest {
    private static final String GROUP = "g_7";
    private static final String DIRECT = "d_1_2";
    private static final long NOW = 1_000_000_000L;

    private final LifecycleRules rules = new LifecycleRules(Duration.ofHours(48), Duration.ofMinutes(2));
    private final FakeFacts facts = new FakeFacts();

    @Test
    void aReply_quotesItsTarget_byItsFirstHundredCodePoints() {
        facts.message(10, GROUP, 3, 2, "😀".repeat(150), NOW);
        Accepted accepted = accepted(text(1, GROUP, "yes", "10", null));

        assertThat(accepted.delivered().replyTo().seq()).isEqualTo(3);
        assertThat(accepted.delivered().replyTo().fromUserId()).isEqualTo(2);
        assertThat(accepted.delivered().replyTo().preview()).isEqualTo("😀".repeat(100));
        assertThat(accepted.stored().replyToId()).isEqualTo(10);
    }

    @Test
    void aReplyToAMessageOfAnotherConversation_orBeforeTheSenderJoined_isInvalid() {
        facts.message(10, "g_8", 3, 2, "elsewhere", NOW);
        facts.message(11, GROUP, 1, 2, "before I joined", NOW);
        facts.window(1, GROUP, 2, 100);

        assertThat(refused(text(1, GROUP, "x", "10", null))).isEqualTo("invalid_field");
        assertThat(refused(text(1, GROUP, "x", "11", null))).isEqualTo("invalid_field");
        assertThat(refused(text(1, GROUP, "x", "999", null))).isEqualTo("invalid_field");
    }

    @Test
    void mentions_mustBeMembers_andAllIsForTheGroupsManagersOnly() {
        facts.members(GROUP, 1L, 2L, 3L);

        assertThat(accepted(text(1, GROUP, "hi", null, Mentions.of(List.of(2L, 3L))))
                        .effect())
                .isEqualTo(new LifecycleRules.Mention(Mentions.of(List.of(2L, 3L))));
        assertThat(refused(text(1, GROUP, "hi", null, Mentions.of(List.of(4L)))))
                .isEqualTo("invalid_field");
        assertThat(refused(text(1, GROUP, "hi", null, Mentions.everyone()))).isEqualTo("not_allowed");
        assertThat(accepted(manager(text(1, GROUP, "hi", null, Mentions.everyone())))
                        .delivered()
                        .mentions())
                .isEqualTo(Mentions.everyone());
        assertThat(refused(manager(text(1, DIRECT, "hi", null, Mentions.everyone()))))
                .isEqualTo("not_allowed");
        assertThat(accepted(text(1, DIRECT, "hi", null, Mentions.of(List.of(2L)))))
                .isNotNull();
    }

    @Test
    void onlyTheSender_editsTheirOwnText_withinTheEditWindow() {
        facts.message(10, GROUP, 3, 1, "tpyo", NOW - Duration.ofHours(47).toMillis());
        facts.message(11, GROUP, 4, 1, "old", NOW - Duration.ofHours(49).toMillis());
        facts.message(12, GROUP, 5, 2, "theirs", NOW);

        Accepted edit = accepted(draft(1, GROUP, MessageBody.edit("10", "typo")));
        assertThat(edit.delivered().targetSeq()).isEqualTo(3);
        assertThat(edit.effect()).isEqualTo(new LifecycleRules.Edit(10, "typo"));
        assertThat(refused(draft(1, GROUP, MessageBody.edit("11", "x")))).isEqualTo("edit_window_passed");
        assertThat(refused(manager(draft(1, GROUP, MessageBody.edit("12", "x")))))
                .isEqualTo("not_allowed");
        assertThat(refused(draft(1, GROUP, MessageBody.edit("404", "x")))).isEqualTo("not_found");
    }

    @Test
    void theSenderRecallsWithinTwoMinutes_aManagerAnyMessageAtAnyTime() {
        facts.message(10, GROUP, 3, 1, "oops", NOW - 60_000);
        facts.message(11, GROUP, 4, 1, "long ago", NOW - 180_000);
        facts.message(12, GROUP, 5, 2, "someone else's", NOW - 180_000);

        assertThat(accepted(draft(1, GROUP, MessageBody.recall("10"))).effect())
                .isEqualTo(new LifecycleRules.Recall(10));
        assertThat(refused(draft(1, GROUP, MessageBody.recall("11")))).isEqualTo("recall_window_passed");
        assertThat(refused(draft(1, GROUP, MessageBody.recall("12")))).isEqualTo("not_allowed");
        assertThat(accepted(manager(draft(1, GROUP, MessageBody.recall("12"))))).isNotNull();
        assertThat(refused(manager(draft(1, DIRECT, MessageBody.recall("404")))))
                .isEqualTo("not_found");
    }

    @Test
    void aRecalledMessage_canNoLongerBeEdited_reactedTo_forwarded_quoted_orRecalledAgain() {
        facts.message(10, GROUP, 3, 1, "secret", NOW);
        Accepted recall = accepted(draft(1, GROUP, MessageBody.recall("10")));
        facts.targets.put(10L, LifecycleRules.after(facts.targets.get(10L), recall.effect()));

        assertThat(refused(draft(1, GROUP, MessageBody.edit("10", "x")))).isEqualTo("not_found");
        assertThat(refused(draft(2, GROUP, MessageBody.reaction("10", "👍", true))))
                .isEqualTo("not_found");
        assertThat(refused(draft(1, GROUP, MessageBody.recall("10")))).isEqualTo("not_found");
        assertThat(refused(draft(2, "g_9", MessageBody.forward(new MessageBody.ForwardSource(GROUP, "10")))))
                .isEqualTo("not_found");
        assertThat(refused(text(2, GROUP, "what was it?", "10", null)))
                .as("a recalled message cannot be read, so not quoted")
                .isEqualTo("invalid_field");
    }

    @Test
    void aMessageTakesAtMostTwentyDifferentEmojis_butMoreOfTheSameAlways() {
        Set<String> twenty = IntStream.range(0, 20).mapToObj(i -> "e" + i).collect(Collectors.toSet());
        facts.message(10, GROUP, 3, 1, "popular", NOW);
        facts.targets.put(10L, facts.targets.get(10L).with("popular", false, twenty));

        assertThat(refused(draft(2, GROUP, MessageBody.reaction("10", "🆕", true))))
                .isEqualTo("invalid_field");
        assertThat(accepted(draft(2, GROUP, MessageBody.reaction("10", "e3", true)))
                        .effect())
                .isEqualTo(new LifecycleRules.React(10, "e3", 2, true));
        assertThat(accepted(draft(2, GROUP, MessageBody.reaction("10", "🆕", false))))
                .isNotNull();
    }

    @Test
    void aForward_copiesTheCurrentText_andNamesTheOriginalAuthor_evenThroughAForwardOfAForward() {
        facts.message(10, DIRECT, 3, 2, "first", NOW);
        facts.targets.put(10L, LifecycleRules.after(facts.targets.get(10L), new LifecycleRules.Edit(10, "edited")));
        Accepted forward = accepted(draft(1, GROUP, MessageBody.forward(new MessageBody.ForwardSource(DIRECT, "10"))));

        assertThat(forward.delivered()).isEqualTo(MessageBody.forwardedText("edited", 2));
        assertThat(forward.stored().forwardedFrom()).isEqualTo(2);

        facts.targets.put(11L, new Target(11, GROUP, 9, 1, "text", "edited", false, NOW, 2L, Set.of(), null));
        Accepted again = accepted(draft(3, "g_9", MessageBody.forward(new MessageBody.ForwardSource(GROUP, "11"))));
        assertThat(again.delivered().forwarded().fromUserId()).isEqualTo(2);
        assertThat(refused(draft(1, "g_9", MessageBody.edit("11", "mine now"))))
                .as("a forwarded copy is not its forwarder's words to edit")
                .isIn("not_allowed", "not_found");
    }

    @Test
    void aForwardOfAMessageTheSenderCannotRead_isNotFound_likeAnUnknownOne() {
        facts.message(10, "d_5_6", 3, 5, "private", NOW);
        facts.noWindow(1, "d_5_6");

        assertThat(refused(draft(1, GROUP, MessageBody.forward(new MessageBody.ForwardSource("d_5_6", "10")))))
                .isEqualTo("not_found");
    }

    @Test
    void deleteForMe_hidesOneReadableMessage_clear_goesThroughTheLastSeqTheMemberSees() {
        facts.message(10, GROUP, 3, 2, "bye", NOW);
        facts.window(1, GROUP, 0, 12);

        Accepted delete = accepted(draft(1, "u_1", MessageBody.delete(GROUP, "10", null)));
        assertThat(delete.effect()).isEqualTo(new LifecycleRules.Hide(1, GROUP, 3));
        assertThat(delete.delivered().targetSeq()).isEqualTo(3);
        assertThat(accepted(draft(1, "u_1", MessageBody.clear(GROUP, null))).effect())
                .isEqualTo(new LifecycleRules.Clear(1, GROUP, 12));
        facts.noWindow(1, GROUP);
        assertThat(refused(draft(1, "u_1", MessageBody.delete(GROUP, "10", null))))
                .isEqualTo("not_found");
    }

    private Accepted accepted(Draft draft) {
        Decision decision = rules.decide(draft, facts);
        assertThat(decision).isInstanceOf(Accepted.class);
        return (Accepted) decision;
    }

    private String refused(Draft draft) {
        Decision decision = rules.decide(draft, facts);
        assertThat(decision).isInstanceOf(Refused.class);
        return ((Refused) decision).refusal().code();
    }

    private static Draft text(long sender, String conversation, String text, String replyTo, Mentions mentions) {
        return draft(
                sender,
                conversation,
                MessageBody.text(text, replyTo == null ? null : MessageBody.ReplyTo.of(replyTo), mentions));
    }

    @Test
    void aMediaMessage_isStoredWithTheObjectMediaServiceRecorded_andAttachesIt() {
        MediaInfo image = new MediaInfo("77", "image/png", 1234L, "cat.png", 640, 480, null);
        Accepted accepted = accepted(draft(1, DIRECT, MessageBody.media("image", image, "my cat")));

        assertThat(accepted.delivered().media()).isEqualTo(image);
        assertThat(accepted.delivered().caption()).isEqualTo("my cat");
        assertThat(accepted.stored().media()).isEqualTo(image);
        assertThat(accepted.stored().content()).isEqualTo("my cat");
        assertThat(accepted.effect()).isEqualTo(new LifecycleRules.Attach(77));
    }

    @Test
    void aMediaMessageWithoutAVouchedObject_isNotFound() {
        assertThat(refused(draft(1, DIRECT, MessageBody.media("file", MediaInfo.of("77"), null))))
                .isEqualTo("not_found");
        assertThat(refused(draft(1, DIRECT, MessageBody.media("file", null, null))))
                .isEqualTo("not_found");
    }

    @Test
    void aForwardedMediaMessage_carriesTheSameObject_andQuotesShowItsKind() {
        MediaInfo video = new MediaInfo("88", "video/mp4", 99L, "clip.mp4", null, null, 4000L);
        facts.targets.put(20L, new Target(20, GROUP, 5, 2, "video", "look", false, NOW, null, Set.of(), video));

        Accepted forward = accepted(draft(1, DIRECT, MessageBody.forward(new MessageBody.ForwardSource(GROUP, "20"))));
        assertThat(forward.delivered().kind()).isEqualTo("video");
        assertThat(forward.delivered().media()).isEqualTo(video);
        assertThat(forward.delivered().forwarded().fromUserId()).isEqualTo(2);
        assertThat(forward.effect()).isEqualTo(new LifecycleRules.Attach(88));

        assertThat(accepted(text(1, GROUP, "nice", "20", null))
                        .delivered()
                        .replyTo()
                        .preview())
                .isEqualTo("[video] look");
        assertThat(refused(draft(2, GROUP, MessageBody.edit("20", "new caption"))))
                .isEqualTo("not_allowed");
    }

    private static Draft draft(long sender, String conversation, MessageBody body) {
        return new Draft(sender, "phone", conversation, null, "c", body, false);
    }

    private static Draft manager(Draft d) {
        return new Draft(
                d.senderId(), d.senderDeviceId(), d.conversationId(), d.receiverId(), d.clientMsgId(), d.body(), true);
    }

    private static final class FakeFacts implements LifecycleRules.Facts {
        final Map<Long, Target> targets = new HashMap<>();
        final Map<List<Object>, Window> windows = new HashMap<>();
        final Map<String, Set<Long>> members = new HashMap<>();

        void message(long id, String conversation, long seq, long sender, String text, long at) {
            targets.put(id, new Target(id, conversation, seq, sender, "text", text, false, at, null, Set.of(), null));
        }

        void window(long user, String conversation, long after, long upTo) {
            windows.put(List.of(user, conversation), new Window(conversation, after, upTo));
        }

        void noWindow(long user, String conversation) {
            windows.put(List.of(user, conversation), null);
        }

        void members(String conversation, Long... users) {
            members.put(conversation, Set.of(users));
        }

        @Override
        public Target target(long id) {
            return targets.get(id);
        }

        @Override
        public Window readable(long userId, String conversationId) {
            List<Object> key = List.of(userId, conversationId);
            // a member of everything unless told otherwise
            return windows.containsKey(key) ? windows.get(key) : new Window(conversationId, 0, 1_000);
        }

        @Override
        public Set<Long> members(String conversationId) {
            return members.getOrDefault(conversationId, Set.of(1L, 2L));
        }

        @Override
        public long now() {
            return NOW;
        }
    }
}
