package io.chatforge.im.message.permission;

import io.chatforge.im.contracts.social.Relation;
import io.chatforge.im.contracts.social.RelationBatchRequest;
import io.chatforge.im.service.resilience.ResilientCalls;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who may talk to whom, for a whole batch of messages: from this instance's own {@link RelationView}
 * (kept current by {@code im.social}), and for the pairs it does not know, in one call to
 * friend-service whose answers the view then keeps. When friend-service cannot be reached, a pair
 * the view does not know fails closed (the sender gets a retryable error); known pairs go on.
 */
@Component
public class RelationChecker {
    public static final String FRIEND_SERVICE = "friend-service";
    private static final Logger log = LoggerFactory.getLogger(RelationChecker.class);

    private final RelationClient client;
    private final ResilientCalls resilient;
    private final RelationView view;
    private final Counter fetched;

    RelationChecker(RelationClient client, ResilientCalls resilient, RelationView view, MeterRegistry meters) {
        this.client = client;
        this.resilient = resilient;
        this.view = view;
        this.fetched = Counter.builder("im.message.relations.fetched")
                .description("relations asked of friend-service because this instance did not know them")
                .register(meters);
    }

    /** The relation of each pair (sender first); a pair missing from the answer is unknown. */
    public Map<Pair, Relation> check(Collection<Pair> pairs) {
        Map<Pair, Relation> answers = new HashMap<>();
        List<Pair> missing = new ArrayList<>();
        for (Pair pair : pairs) {
            view.get(pair.a(), pair.b()).ifPresentOrElse(r -> answers.put(pair, r), () -> missing.add(pair));
        }
        if (missing.isEmpty()) {
            return answers;
        }
        long epoch = view.epoch();
        try {
            for (int from = 0; from < missing.size(); from += RelationBatchRequest.MAX_PAIRS) {
                List<Pair> chunk =
                        missing.subList(from, Math.min(missing.size(), from + RelationBatchRequest.MAX_PAIRS));
                var request = new RelationBatchRequest(chunk.stream()
                        .map(p -> new RelationBatchRequest.Pair(p.a(), p.b()))
                        .toList());
                List<Relation> relations = resilient.call(FRIEND_SERVICE, () -> client.relations(request));
                fetched.increment(chunk.size());
                for (int i = 0; i < chunk.size(); i++) {
                    answers.put(chunk.get(i), relations.get(i));
                    view.learn(relations.get(i), epoch);
                }
            }
        } catch (RuntimeException unreachable) {
            log.warn(
                    "friend-service unreachable: {} pairs this instance does not know fail closed: {}",
                    missing.size(),
                    unreachable.toString());
        }
        return answers;
    }

    /** Sender {@code a} writes to {@code b}. */
    public record Pair(long a, long b) {}
}
