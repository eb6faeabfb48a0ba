package io.chatforge.im.message.ingest;

import io.chatforge.im.contracts.frame.ErrorCodes;
import io.chatforge.im.contracts.frame.ErrorFrame;
import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.contracts.frame.Sender;
import io.chatforge.im.contracts.frame.SentFrame;
import io.chatforge.im.contracts.messaging.InboundRecord;
import io.chatforge.im.contracts.messaging.OfflineEvent;
import io.chatforge.im.contracts.social.Relation;
import io.chatforge.im.message.delivery.DeliveryPublisher;
import io.chatforge.im.message.delivery.OfflinePublisher;
import io.chatforge.im.message.delivery.Recipients;
import io.chatforge.im.message.delivery.RouteLookup;
import io.chatforge.im.message.group.GroupFanout;
import io.chatforge.im.message.group.GroupGate;
import io.chatforge.im.message.permission.RelationChecker;
import io.chatforge.im.message.permission.RelationChecker.Pair;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One batch of sends: check who may write to whom (one call for the batch), store the allowed
 * ones (one transaction), then answer each sender ({@code sent} or {@code error}) and push the
 * messages to the devices that are online (one route lookup for the batch). A receiver with no
 * device online gets an {@code im.offline} event; the message waits for sync.
 */
@Component
class SendIngestor {
    private final RelationChecker relations;
    private final MessageStore store;
    private final RouteLookup routes;
    private final DeliveryPublisher deliveries;
    private final OfflinePublisher offline;
    private final JsonMapper json;
    private final GroupGate gate;
    private final GroupFanout groups;
    private final Timer receiveToStored;

    SendIngestor(
            RelationChecker relations,
            MessageStore store,
            RouteLookup routes,
            DeliveryPublisher deliveries,
            OfflinePublisher offline,
            JsonMapper json,
            GroupGate gate,
            GroupFanout groups,
            MeterRegistry meters) {
        this.relations = relations;
        this.store = store;
        this.routes = routes;
        this.deliveries = deliveries;
        this.offline = offline;
        this.json = json;
        this.gate = gate;
        this.groups = groups;
        this.receiveToStored = Timer.builder("im.message.receive.to.stored")
                .description("from the connector receiving a send to the message being committed")
                .publishPercentileHistogram()
                .register(meters);
    }

    void ingest(List<InboundRecord> sends) {
        if (sends.isEmpty()) {
            return;
        }
        List<InboundRecord> allowed = new ArrayList<>();
        allowed.addAll(allowedDirect(
                sends.stream().filter(s -> s.to().groupId() == null).toList()));
        allowed.addAll(allowedInGroups(
                sends.stream().filter(s -> s.to().groupId() != null).toList()));
        if (allowed.isEmpty()) {
            return;
        }
        StoredBatch batch = store.store(allowed);
        batch.notMembers()
                .forEach(send -> refuse(
                        send,
                        new ErrorFrame(
                                ErrorCodes.NOT_A_MEMBER, "you are not a member of this group", send.clientMsgId())));
        List<StoredMessage> stored = batch.messages();
        long now = System.currentTimeMillis();
        // every recipient of the batch, direct and group, in one route lookup; a group's members
        // are those of the moment its messages were stored
        Set<Long> users = new HashSet<>();
        Map<String, Set<Long>> onlineByGroup = new HashMap<>();
        for (StoredMessage message : stored) {
            users.add(message.send().senderId());
            Long groupId = message.send().to().groupId();
            if (groupId == null) {
                users.add(message.send().to().userId());
            } else if (!message.repeat()) {
                users.addAll(onlineByGroup.computeIfAbsent(
                        message.conversationId(),
                        c -> groups.online(batch.groupMembers().get(c))));
            }
            if (!message.repeat()) {
                receiveToStored.record(now - message.send().receivedAt(), TimeUnit.MILLISECONDS);
            }
        }
        Recipients recipients = new Recipients(routes.devices(users));
        for (StoredMessage message : stored) {
            answer(message);
            if (message.repeat()) {
                continue;
            }
            Long groupId = message.send().to().groupId();
            if (groupId == null) {
                deliver(message, recipients);
            } else {
                groups.deliver(
                        onlineByGroup.get(message.conversationId()),
                        recipients,
                        msgFrame(message),
                        message.send().senderId(),
                        message.send().senderDeviceId());
            }
        }
    }

    private List<InboundRecord> allowedDirect(List<InboundRecord> sends) {
        if (sends.isEmpty()) {
            return List.of();
        }
        Set<Pair> pairs = new HashSet<>();
        sends.forEach(s -> pairs.add(new Pair(s.senderId(), s.to().userId())));
        Map<Pair, Relation> answers = relations.check(pairs);
        List<InboundRecord> allowed = new ArrayList<>();
        for (InboundRecord send : sends) {
            ErrorFrame refusal =
                    refusal(answers.get(new Pair(send.senderId(), send.to().userId())), send);
            if (refusal == null) {
                allowed.add(send);
            } else {
                refuse(send, refusal);
            }
        }
        return allowed;
    }

    private List<InboundRecord> allowedInGroups(List<InboundRecord> sends) {
        if (sends.isEmpty()) {
            return List.of();
        }
        Set<GroupGate.Writer> writers = new HashSet<>();
        sends.forEach(s -> writers.add(new GroupGate.Writer(s.to().groupId(), s.senderId())));
        Map<GroupGate.Writer, String> refusals = gate.check(writers);
        List<InboundRecord> allowed = new ArrayList<>();
        for (InboundRecord send : sends) {
            String code = refusals.get(new GroupGate.Writer(send.to().groupId(), send.senderId()));
            if (code == null) {
                allowed.add(send);
            } else {
                String message = ErrorCodes.MUTED.equals(code)
                        ? "you are muted in this group"
                        : "you are not a member of this group";
                refuse(send, new ErrorFrame(code, message, send.clientMsgId()));
            }
        }
        return allowed;
    }

    /**
     * Answers a send that failed to be processed but whose message is stored already (an earlier
     * attempt stored it), as stored: the sender gets its {@code sent} again. False when not stored.
     */
    boolean answerIfStored(InboundRecord record) {
        if (!InboundRecord.SEND.equals(record.kind()) || record.clientMsgId() == null) {
            return false;
        }
        return store.find(record.senderId(), record.clientMsgId())
                .map(stored -> {
                    answer(stored.answering(record));
                    return true;
                })
                .orElse(false);
    }

    /** Tells the sender of a record that could not be handled (sends only; the rest needs no answer). */
    void reject(InboundRecord record, String message) {
        if (InboundRecord.SEND.equals(record.kind())) {
            refuse(record, new ErrorFrame(ErrorCodes.INVALID_FIELD, message, record.clientMsgId()));
        }
    }

    private void refuse(InboundRecord send, ErrorFrame refusal) {
        deliveries.toDevice(
                send.senderSlot(), send.senderId(), send.senderDeviceId(), json.writeValueAsString(refusal));
    }

    private static ErrorFrame refusal(Relation relation, InboundRecord send) {
        if (relation == null) {
            return new ErrorFrame(
                    ErrorCodes.UNAVAILABLE, "cannot check this conversation right now; retry", send.clientMsgId());
        }
        if (relation.blockedByA() || relation.blockedByB()) {
            return new ErrorFrame(ErrorCodes.BLOCKED, "you cannot message this user", send.clientMsgId());
        }
        if (!relation.friends()) {
            return new ErrorFrame(ErrorCodes.NOT_FRIENDS, "you can only message your friends", send.clientMsgId());
        }
        return null;
    }

    private void answer(StoredMessage message) {
        InboundRecord send = message.send();
        var sent = new SentFrame(
                send.clientMsgId(),
                message.conversationId(),
                Long.toString(message.msgId()),
                message.seq(),
                message.ts());
        deliveries.toDevice(send.senderSlot(), send.senderId(), send.senderDeviceId(), json.writeValueAsString(sent));
    }

    private String msgFrame(StoredMessage message) {
        InboundRecord send = message.send();
        return json.writeValueAsString(new MsgFrame(
                message.conversationId(),
                Long.toString(message.msgId()),
                message.seq(),
                new Sender(send.senderId(), send.senderDeviceId()),
                send.body(),
                message.ts()));
    }

    private void deliver(StoredMessage message, Recipients recipients) {
        InboundRecord send = message.send();
        String frame = msgFrame(message);
        long receiver = send.to().userId();
        if (recipients.isOnline(receiver)) {
            deliveries.toUser(receiver, recipients.of(receiver), null, frame);
        } else {
            offline.publish(new OfflineEvent(
                    OfflineEvent.VERSION,
                    receiver,
                    message.conversationId(),
                    Long.toString(message.msgId()),
                    message.seq(),
                    send.senderId(),
                    message.ts()));
        }
        deliveries.toUser(send.senderId(), recipients.of(send.senderId()), send.senderDeviceId(), frame);
    }
}
