package io.chatforge.im.push.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.contracts.messaging.OfflineEvent;
import org.junit.jupiter.api.Test;

class NotificationTextsTest {
    private static final Titles.Context CONTEXT = new Titles.Context("Alice", 7);

    @Test
    void aText_isPreviewed_byItsFirstHundredCodePoints_orHidden() {
        OfflineEvent event = event("text", "🌸".repeat(150));

        var shown = NotificationTexts.of(event, CONTEXT, true);
        assertThat(shown.body()).isEqualTo("🌸".repeat(100));
        assertThat(shown.title()).isEqualTo("Alice");
        assertThat(shown.badge()).isEqualTo(7);
        assertThat(shown.type()).isEqualTo("msg");
        assertThat(NotificationTexts.of(event, CONTEXT, false).body()).isEqualTo("New message");
    }

    @Test
    void media_sayWhatTheyAre() {
        assertThat(NotificationTexts.of(event("image", "my cat"), CONTEXT, true).body())
                .isEqualTo("[image] my cat");
        assertThat(NotificationTexts.of(event("audio", null), CONTEXT, true).body())
                .isEqualTo("[voice]");
        assertThat(NotificationTexts.of(event("file", ""), CONTEXT, true).body())
                .isEqualTo("[file]");
    }

    @Test
    void onlyContentFromSomeoneElse_andInAMutedChatOnlyMentions_isTold() {
        assertThat(NotificationTexts.worthTelling(event("text", "hi"))).isTrue();
        assertThat(NotificationTexts.worthTelling(event("edit", "hi"))).isFalse();
        assertThat(NotificationTexts.worthTelling(event("text", "hi").withMuted(true)))
                .isFalse();
        assertThat(NotificationTexts.worthTelling(
                        event("text", "hi").withMuted(true).withMentioned(true)))
                .isTrue();
        OfflineEvent own = new OfflineEvent(1, 5, "d_5_6", "9", 1, 5, 0).withContent("text", "me");
        assertThat(NotificationTexts.worthTelling(own)).isFalse();
    }

    private static OfflineEvent event(String kind, String preview) {
        return new OfflineEvent(1, 6, "d_5_6", "9", 1, 5, 0).withContent(kind, preview);
    }

    @Test
    void aRecall_isToldAsTheMessageItTakesBack_withoutItsText() {
        OfflineEvent recall = new OfflineEvent(1, 6, "d_5_6", "12", 3, 5, 0).withRecalled("9");

        assertThat(NotificationTexts.worthTelling(recall)).isTrue();
        var n = NotificationTexts.of(recall, CONTEXT, true);
        assertThat(n.type()).isEqualTo("recall");
        assertThat(n.msgId()).isEqualTo("9");
        assertThat(n.conversationId()).isEqualTo("d_5_6");
        assertThat(n.body()).isEqualTo("This message was recalled");
    }

    @Test
    void inAGroup_theTitleIsTheGroup_andTheTextSaysWhoWroteIt() {
        var group = new Titles.Context("Climbing", 2, "Alice");
        OfflineEvent event = new OfflineEvent(1, 6, "g_7", "9", 1, 5, 0).withContent("text", "rope?");

        assertThat(NotificationTexts.of(event, group, true).title()).isEqualTo("Climbing");
        assertThat(NotificationTexts.of(event, group, true).body()).isEqualTo("Alice: rope?");
        assertThat(NotificationTexts.of(event, group, false).body()).isEqualTo("New message");
    }
}
