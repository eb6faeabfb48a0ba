package io.chatforge.im.push.content;

import io.chatforge.im.contracts.messaging.OfflineEvent;
import java.util.Map;
import java.util.Set;

/**
 * What a notification says: who (the sender's name, or the group's), the preview (a text's first
 * 100 code points, "[image] caption" for media; "New message" for a device registered without
 * previews), and the badge. Only content from someone else is told, and in a muted conversation
 * only what mentions the user.
 */
public final class NotificationTexts {
    static final String HIDDEN = "New message";
    static final String RECALLED = "This message was recalled";
    public static final String RECALL = "recall";
    private static final Set<String> CONTENT = Set.of("text", "image", "file", "audio", "video");
    private static final Map<String, String> MEDIA =
            Map.of("image", "[image]", "file", "[file]", "audio", "[voice]", "video", "[video]");
    private static final int PREVIEW_CODE_POINTS = 100;

    private NotificationTexts() {}

    public static boolean worthTelling(OfflineEvent event) {
        String kind = event.kind() == null ? "text" : event.kind();
        if (RECALL.equals(kind)) {
            return event.recalled() != null; // told only where its message was: the ledger knows
        }
        return CONTENT.contains(kind) && event.senderId() != event.userId() && (!event.muted() || event.mentioned());
    }

    public static Notification of(OfflineEvent event, Titles.Context context, boolean preview) {
        if (RECALL.equals(event.kind())) {
            // the same conversation's tag, topic and collapse id: it replaces the recalled message's notification
            return new Notification(
                    RECALL,
                    event.conversationId(),
                    event.recalled(),
                    event.seq(),
                    event.senderId(),
                    context.title(),
                    RECALLED,
                    context.badge());
        }
        return new Notification(
                "msg",
                event.conversationId(),
                event.msgId(),
                event.seq(),
                event.senderId(),
                context.title(),
                preview ? withSender(context, body(event)) : HIDDEN,
                context.badge());
    }

    /** In a group, who wrote it comes first: "Alice: hi". */
    private static String withSender(Titles.Context context, String body) {
        return context.sender() == null || context.sender().equals(HIDDEN) ? body : context.sender() + ": " + body;
    }

    static String body(OfflineEvent event) {
        String kind = event.kind() == null ? "text" : event.kind();
        String text = event.preview() == null ? "" : event.preview();
        String media = MEDIA.get(kind);
        String body = media == null ? text : text.isEmpty() ? media : media + " " + text;
        if (body.isEmpty()) {
            return HIDDEN;
        }
        int end = body.offsetByCodePoints(0, Math.min(PREVIEW_CODE_POINTS, body.codePointCount(0, body.length())));
        return body.substring(0, end);
    }
}
