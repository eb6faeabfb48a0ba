package io.chatforge.im.contracts.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A message stored for a user none of whose devices was connected, on {@code im.offline} keyed by
 * that user: the input of a push-notification service. The message itself is read by sync.
 * {@code muted}: the user muted this conversation (notify quietly, or not at all);
 * {@code mentioned}: the message mentions them (or everyone), which a mute should let through;
 * {@code kind}: the body's kind ("text", "image", ...); {@code preview}: the first 100 code points
 * of a text, or the caption of a media message (null when it has none): what a notification shows;
 * {@code deviceIds}: the devices to notify when the user has devices connected in the foreground
 * (those are left out), null when no device of theirs is connected in the foreground: all of them;
 * {@code recalled}: for a recall ({@code kind} "recall"), the message it takes back, whose
 * notification should go.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OfflineEvent(
        int version,
        long userId,
        String conversationId,
        String msgId,
        long seq,
        long senderId,
        long ts,
        boolean muted,
        boolean mentioned,
        String kind,
        String preview,
        java.util.List<String> deviceIds,
        String recalled) {
    public static final int VERSION = 1;

    public OfflineEvent(
            int version, long userId, String conversationId, String msgId, long seq, long senderId, long ts) {
        this(version, userId, conversationId, msgId, seq, senderId, ts, false, false, "text", null, null, null);
    }

    public OfflineEvent withMuted(boolean muted) {
        return new OfflineEvent(
                version,
                userId,
                conversationId,
                msgId,
                seq,
                senderId,
                ts,
                muted,
                mentioned,
                kind,
                preview,
                deviceIds,
                recalled);
    }

    public OfflineEvent withMentioned(boolean mentioned) {
        return new OfflineEvent(
                version,
                userId,
                conversationId,
                msgId,
                seq,
                senderId,
                ts,
                muted,
                mentioned,
                kind,
                preview,
                deviceIds,
                recalled);
    }

    /** Only these of the user's devices are to be told (the others are connected in the foreground). */
    public OfflineEvent withDeviceIds(java.util.List<String> deviceIds) {
        return new OfflineEvent(
                version,
                userId,
                conversationId,
                msgId,
                seq,
                senderId,
                ts,
                muted,
                mentioned,
                kind,
                preview,
                deviceIds,
                recalled);
    }

    /** The same event for another receiver (a group's members share one). */
    public OfflineEvent forUser(long userId) {
        return new OfflineEvent(
                version,
                userId,
                conversationId,
                msgId,
                seq,
                senderId,
                ts,
                muted,
                mentioned,
                kind,
                preview,
                deviceIds,
                recalled);
    }

    /** A recall of {@code msgId}: its notification should go. */
    public OfflineEvent withRecalled(String msgId) {
        return new OfflineEvent(
                version,
                userId,
                conversationId,
                this.msgId,
                seq,
                senderId,
                ts,
                muted,
                mentioned,
                "recall",
                null,
                deviceIds,
                msgId);
    }

    /** The message's kind and what a notification may show of it. */
    public OfflineEvent withContent(String kind, String preview) {
        return new OfflineEvent(
                version,
                userId,
                conversationId,
                msgId,
                seq,
                senderId,
                ts,
                muted,
                mentioned,
                kind,
                preview,
                deviceIds,
                recalled);
    }
}
