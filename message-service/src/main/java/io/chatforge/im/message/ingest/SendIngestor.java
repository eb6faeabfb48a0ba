package io.chatforge.im.message.ingest;

import io.chatforge.im.contracts.frame.ErrorCodes;
import io.chatforge.im.contracts.frame.ErrorFrame;
import io.chatforge.im.contracts.frame.MediaInfo;
import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.contracts.frame.Sender;
import io.chatforge.im.contracts.frame.SentFrame;
import io.chatforge.im.contracts.media.MediaKinds;
import io.chatforge.im.contracts.messaging.InboundRecord.Send;
import io.chatforge.im.contracts.messaging.OfflineEvent;
import io.chatforge.im.message.log.Appended;
import io.chatforge.im.message.log.ConversationLog;
import io.chatforge.im.message.log.Draft;
import io.chatforge.im.message.log.Entry;
import io.chatforge.im.message.media.MediaClaims;
import io.chatforge.im.message.push.Delivery;
import io.chatforge.im.message.push.Push;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One batch of sends: decide who may write where (one check for the batch), append the allowed
 * ones to the log (one transaction), then answer each sender ({@code sent} or {@code error}) and
 * push the new messages to the devices online (one lookup for the batch). A direct receiver with
 * no device online gets an {@code im.offline} event; the message waits for sync.
 */
@Component
class SendIngestor {
    private final SendGate gate;
    private final ConversationLog log;
    private final Push push;
    private final JsonMapper json;
    private final Timer receiveToStored;
    private final MediaClaims media;

    SendIngestor(
            SendGate gate, ConversationLog log, Push push, JsonMapper json, MeterRegistry meters, MediaClaims media) {
        this.gate = gate;
        this.media = media;
        this.log = log;
        this.push = push;
        this.json = json;
        this.receiveToStored = Timer.builder("im.message.receive.to.stored")
                .description("from the connector receiving a send to the message being committed")
                .publishPercentileHistogram()
                .register(meters);
    }

    void ingest(List<Send> sends) {
        if (sends.isEmpty()) {
            return;
        }
        Map<Draft, Send> byDraft = new IdentityHashMap<>();
        List<Draft> drafts = new ArrayList<>();
        List<SendGate.Verdict> verdicts = gate.decide(sends);
        Map<MediaClaims.Key, MediaClaims.Claimed> claimed = claimMedia(sends, verdicts);
        for (int i = 0; i < sends.size(); i++) {
            SendGate.Verdict verdict = verdicts.get(i);
            ErrorFrame refusal = verdict.refusal() != null ? verdict.refusal() : mediaRefusal(sends.get(i), claimed);
            if (refusal == null) {
                Draft draft = draft(sends.get(i), verdict.senderManages(), claimed);
                byDraft.put(draft, sends.get(i));
                drafts.add(draft);
            } else {
                refuse(sends.get(i), refusal);
            }
        }
        Appended appended = log.append(drafts);
        long now = System.currentTimeMillis();
        List<Delivery> deliveries = new ArrayList<>();
        for (Appended.Outcome outcome : appended.outcomes()) {
            Send send = byDraft.get(outcome.draft());
            if (outcome.refused()) {
                refuse(
                        send,
                        new ErrorFrame(
                                outcome.refusal().code(), outcome.refusal().message(), send.clientMsgId()));
                continue;
            }
            answer(send, outcome.entry());
            if (!outcome.repeat()) {
                receiveToStored.record(now - send.receivedAt(), TimeUnit.MILLISECONDS);
                deliveries.add(delivery(send, outcome.entry(), outcome.delivered(), appended));
            }
        }
        push.deliver(deliveries);
    }

    /**
     * Answers a send that failed to be processed but whose message is stored already (an earlier
     * attempt stored it), as stored: the sender gets its {@code sent} again. False when not stored.
     */
    boolean answerIfStored(Send send) {
        if (send.clientMsgId() == null) {
            return false;
        }
        return log.find(send.senderId(), send.clientMsgId())
                .map(entry -> {
                    answer(send, entry);
                    return true;
                })
                .orElse(false);
    }

    /** Tells the sender of a send that could not be handled. */
    void reject(Send send, String message) {
        refuse(send, new ErrorFrame(ErrorCodes.INVALID_FIELD, message, send.clientMsgId()));
    }

    private void refuse(Send send, ErrorFrame refusal) {
        push.toDevice(send.senderSlot(), send.senderId(), send.senderDeviceId(), json.writeValueAsString(refusal));
    }

    private void answer(Send send, Entry entry) {
        var sent = new SentFrame(
                send.clientMsgId(), entry.conversationId(), Long.toString(entry.msgId()), entry.seq(), entry.ts());
        push.toDevice(send.senderSlot(), send.senderId(), send.senderDeviceId(), json.writeValueAsString(sent));
    }

    private Delivery delivery(Send send, Entry entry, MessageBody body, Appended appended) {
        String frame = json.writeValueAsString(new MsgFrame(
                entry.conversationId(),
                Long.toString(entry.msgId()),
                entry.seq(),
                new Sender(send.senderId(), send.senderDeviceId()),
                body,
                entry.ts()));
        if (send.to().groupId() != null) {
            // the members as of this message, read under the conversation's lock
            return Delivery.toMembers(
                    frame,
                    appended.groupMembers().getOrDefault(entry.conversationId(), Set.of()),
                    send.senderId(),
                    send.senderDeviceId(),
                    offlineEvent(send, entry, body, 0L),
                    body.mentions());
        }
        long receiver = send.to().userId();
        return Delivery.direct(
                frame, receiver, send.senderId(), send.senderDeviceId(), offlineEvent(send, entry, body, receiver));
    }

    /**
     * What push-service hears of a direct message: new content, and a recall (whose notification
     * goes); edits and reactions wait for sync.
     */
    private static OfflineEvent offlineEvent(Send send, Entry entry, MessageBody body, long receiver) {
        boolean content = MessageBody.isContent(body.kind());
        if (!content && !MessageBody.RECALL.equals(body.kind())) {
            return null;
        }
        var event = new OfflineEvent(
                OfflineEvent.VERSION,
                receiver,
                entry.conversationId(),
                Long.toString(entry.msgId()),
                entry.seq(),
                send.senderId(),
                entry.ts());
        if (!content) {
            return event.withRecalled(body.target());
        }
        return event.withContent(
                        body.kind(),
                        MessageBody.ReplyTo.preview(
                                MessageBody.TEXT.equals(body.kind()) ? body.text() : body.caption()))
                .withMentioned(
                        body.mentions() != null && body.mentions().userIds().contains(receiver));
    }

    /**
     * The objects of the batch's media sends that passed the gate, as media-service recorded them
     * (one call for the batch); null when media-service cannot answer now.
     */
    private Map<MediaClaims.Key, MediaClaims.Claimed> claimMedia(List<Send> sends, List<SendGate.Verdict> verdicts) {
        List<MediaClaims.Key> keys = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            Send send = sends.get(i);
            if (verdicts.get(i).refusal() == null
                    && MediaKinds.isMedia(send.body().kind())) {
                keys.add(mediaKey(send));
            }
        }
        if (keys.isEmpty()) {
            return Map.of();
        }
        try {
            return media.claim(keys);
        } catch (RuntimeException unavailable) {
            return null;
        }
    }

    /** Why a media send cannot go (null when it can, or is no media send). */
    private static ErrorFrame mediaRefusal(Send send, Map<MediaClaims.Key, MediaClaims.Claimed> claimed) {
        if (!MediaKinds.isMedia(send.body().kind())) {
            return null;
        }
        if (claimed == null) {
            return new ErrorFrame(
                    ErrorCodes.UNAVAILABLE, "media cannot be checked right now; retry", send.clientMsgId());
        }
        MediaClaims.Claimed found = claimed.get(mediaKey(send));
        if (found == null) {
            return new ErrorFrame(
                    ErrorCodes.NOT_FOUND, "no such media: upload it and complete the upload first", send.clientMsgId());
        }
        if (!found.kind().equals(send.body().kind())) {
            return new ErrorFrame(
                    ErrorCodes.INVALID_FIELD,
                    "body.kind must be the kind the media was uploaded as (" + found.kind() + ")",
                    send.clientMsgId());
        }
        return null;
    }

    private static MediaClaims.Key mediaKey(Send send) {
        MediaInfo media = send.body().media();
        return new MediaClaims.Key(send.senderId(), media == null ? "" : media.mediaId());
    }

    private static Draft draft(Send send, boolean senderManages, Map<MediaClaims.Key, MediaClaims.Claimed> claimed) {
        MessageBody body = send.body();
        if (MediaKinds.isMedia(body.kind())) {
            body = MessageBody.media(body.kind(), claimed.get(mediaKey(send)).media(), body.caption());
        }
        return new Draft(
                send.senderId(),
                send.senderDeviceId(),
                send.conversationId(),
                send.to().groupId() == null ? send.to().userId() : null,
                send.clientMsgId(),
                body,
                senderManages);
    }
}
