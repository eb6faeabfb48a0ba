package io.chatforge.im.connector.transport;

import io.chatforge.im.connector.inbound.InboundPublisher;
import io.chatforge.im.connector.route.SlotLease;
import io.chatforge.im.connector.session.ClientSession;
import io.chatforge.im.contracts.frame.FrameTypes;
import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.Target;
import io.chatforge.im.contracts.messaging.ConversationIds;
import io.chatforge.im.contracts.messaging.InboundRecord;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Turns checked client frames into {@code im.inbound} records stamped with the session's user and
 * device (from its verified token) and this connector's slot (where the answer comes back).
 */
@Component
class InboundForwarder {
    private final InboundPublisher inbound;
    private final SlotLease slots;

    InboundForwarder(InboundPublisher inbound, SlotLease slots) {
        this.inbound = inbound;
        this.slots = slots;
    }

    CompletableFuture<?> send(ClientSession session, Target target, String clientMsgId, MessageBody body) {
        String conversationId = target.groupId() != null
                ? ConversationIds.group(target.groupId())
                : ConversationIds.direct(session.userId(), target.userId());
        return inbound.publish(new InboundRecord.Send(
                InboundRecord.VERSION,
                session.userId(),
                session.deviceId(),
                slots.slot(),
                conversationId,
                System.currentTimeMillis(),
                clientMsgId,
                target,
                body));
    }

    /** A {@code read} or {@code ack} frame: the cursor it moves. */
    CompletableFuture<?> cursor(ClientSession session, String type, String conversationId, long seq) {
        long now = System.currentTimeMillis();
        return inbound.publish(
                FrameTypes.ACK.equals(type)
                        ? new InboundRecord.Ack(
                                InboundRecord.VERSION,
                                session.userId(),
                                session.deviceId(),
                                slots.slot(),
                                conversationId,
                                now,
                                seq)
                        : new InboundRecord.Read(
                                InboundRecord.VERSION,
                                session.userId(),
                                session.deviceId(),
                                slots.slot(),
                                conversationId,
                                now,
                                seq));
    }

    CompletableFuture<?> typing(ClientSession session, long to) {
        return inbound.publish(new InboundRecord.Typing(
                InboundRecord.VERSION,
                session.userId(),
                session.deviceId(),
                slots.slot(),
                ConversationIds.direct(session.userId(), to),
                System.currentTimeMillis(),
                Target.user(to)));
    }
}
