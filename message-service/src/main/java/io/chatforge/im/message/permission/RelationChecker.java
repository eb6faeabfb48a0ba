package io.chatforge.im.message.permission;

import io.chatforge.im.contracts.social.Relation;
import io.chatforge.im.contracts.social.RelationBatchRequest;
import io.chatforge.im.service.resilience.ResilientCalls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may talk to whom, for a whole batch of messages in one call to friend-service. The last
 * answers are kept for a short while and used only when friend-service cannot be reached; a pair
 * with no recent answer then fails closed (the sender gets a retryable error).
 */
@Component
public class RelationChecker {
    public static final String FRIEND_SERVICE = "friend-service";
    private static final Logger log = LoggerFactory.getLogger(RelationChecker.class);
    private static final int MAX_REMEMBERED = 100_000;

    private final RelationClient client;
    private final ResilientCalls resilient;
    private final long staleForMillis;
    private final Map<Pair, Remembered> recent =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Pair, Remembered> eldest) {
                    return size() > MAX_REMEMBERED;
                }
            });

    RelationChecker(
            RelationClient client,
            ResilientCalls resilient,
            @Value("${im.message.relation-fallback-max-age:60s}") Duration staleFor) {
        this.client = client;
        this.resilient = resilient;
        this.staleForMillis = staleFor.toMillis();
    }

    /** The relation of each pair (sender first); a pair missing from the answer is unknown. */
    public Map<Pair, Relation> check(Collection<Pair> pairs) {
        Map<Pair, Relation> answers = new HashMap<>();
        if (pairs.isEmpty()) {
            return answers;
        }
        List<Pair> asked = new ArrayList<>(pairs);
        try {
            for (int from = 0; from < asked.size(); from += RelationBatchRequest.MAX_PAIRS) {
                List<Pair> chunk = asked.subList(from, Math.min(asked.size(), from + RelationBatchRequest.MAX_PAIRS));
                var request = new RelationBatchRequest(chunk.stream()
                        .map(p -> new RelationBatchRequest.Pair(p.a(), p.b()))
                        .toList());
                List<Relation> relations = resilient.call(FRIEND_SERVICE, () -> client.relations(request));
                long now = System.currentTimeMillis();
                for (int i = 0; i < chunk.size(); i++) {
                    answers.put(chunk.get(i), relations.get(i));
                    recent.put(chunk.get(i), new Remembered(relations.get(i), now));
                }
            }
        } catch (RuntimeException unreachable) {
            log.warn(
                    "friend-service unreachable, using answers younger than {} ms: {}",
                    staleForMillis,
                    unreachable.toString());
            long now = System.currentTimeMillis();
            for (Pair pair : asked) {
                Remembered remembered = recent.get(pair);
                if (remembered != null && now - remembered.at() <= staleForMillis) {
                    answers.putIfAbsent(pair, remembered.relation());
                }
            }
        }
        return answers;
    }

    /** Sender {@code a} writes to {@code b}. */
    public record Pair(long a, long b) {}

    private record Remembered(Relation relation, long at) {}
}
