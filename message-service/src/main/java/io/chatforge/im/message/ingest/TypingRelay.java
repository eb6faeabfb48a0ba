package io.chatforge.im.message.ingest;

import io.chatforge.im.contracts.frame.EventFrame;
import io.chatforge.im.contracts.messaging.InboundRecord;
import io.chatforge.im.contracts.social.Relation;
import io.chatforge.im.message.delivery.DeliveryPublisher;
import io.chatforge.im.message.delivery.Recipients;
import io.chatforge.im.message.delivery.RouteLookup;
import io.chatforge.im.message.permission.RelationChecker;
import io.chatforge.im.message.permission.RelationChecker.Pair;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** "Typing..." goes to the peer's online devices if the two may talk; nothing is stored. */
@Component
class TypingRelay {
    private final RelationChecker relations;
    private final RouteLookup routes;
    private final DeliveryPublisher deliveries;
    private final JsonMapper json;

    TypingRelay(RelationChecker relations, RouteLookup routes, DeliveryPublisher deliveries, JsonMapper json) {
        this.relations = relations;
        this.routes = routes;
        this.deliveries = deliveries;
        this.json = json;
    }

    void relay(List<InboundRecord> typings) {
        if (typings.isEmpty()) {
            return;
        }
        Set<Pair> pairs = new HashSet<>();
        typings.forEach(t -> pairs.add(new Pair(t.senderId(), t.to().userId())));
        Map<Pair, Relation> answers = relations.check(pairs);
        Set<Long> peers = new HashSet<>();
        typings.forEach(t -> peers.add(t.to().userId()));
        Recipients recipients = new Recipients(routes.devices(peers));
        for (InboundRecord typing : typings) {
            Relation relation =
                    answers.get(new Pair(typing.senderId(), typing.to().userId()));
            long peer = typing.to().userId();
            if (relation != null && relation.mayTalk() && recipients.isOnline(peer)) {
                String frame = json.writeValueAsString(new EventFrame(
                        EventFrame.TYPING,
                        Map.of("conversationId", typing.conversationId(), "userId", typing.senderId())));
                deliveries.toUser(peer, recipients.of(peer), null, frame);
            }
        }
    }
}
