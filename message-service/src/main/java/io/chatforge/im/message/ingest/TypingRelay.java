package io.chatforge.im.message.ingest;

import io.chatforge.im.contracts.frame.EventFrame;
import io.chatforge.im.contracts.messaging.InboundRecord.Typing;
import io.chatforge.im.contracts.social.Relation;
import io.chatforge.im.message.permission.RelationChecker;
import io.chatforge.im.message.permission.RelationChecker.Pair;
import io.chatforge.im.message.push.Delivery;
import io.chatforge.im.message.push.Push;
import java.util.ArrayList;
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
    private final Push push;
    private final JsonMapper json;

    TypingRelay(RelationChecker relations, Push push, JsonMapper json) {
        this.relations = relations;
        this.push = push;
        this.json = json;
    }

    void relay(List<Typing> typings) {
        if (typings.isEmpty()) {
            return;
        }
        Set<Pair> pairs = new HashSet<>();
        typings.forEach(t -> pairs.add(new Pair(t.senderId(), t.to().userId())));
        Map<Pair, Relation> answers = relations.check(pairs);
        List<Delivery> deliveries = new ArrayList<>();
        for (Typing typing : typings) {
            Relation relation =
                    answers.get(new Pair(typing.senderId(), typing.to().userId()));
            if (relation != null && relation.mayTalk()) {
                String frame = json.writeValueAsString(new EventFrame(
                        EventFrame.TYPING,
                        Map.of("conversationId", typing.conversationId(), "userId", typing.senderId())));
                deliveries.add(Delivery.toUsers(frame, Set.of(typing.to().userId())));
            }
        }
        push.deliver(deliveries);
    }
}
