package io.chatforge.im.friend.relation;

import io.chatforge.im.contracts.social.Relation;
import io.chatforge.im.contracts.social.RelationBatchRequest;
import io.chatforge.im.contracts.social.RelationPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Answers "how do a and b stand?" for other services: from Redis in the steady state (one round
 * trip, one MGET for a batch), from the database on a miss, which then fills the cache.
 */
@Service
public class RelationService {
    private final RelationCache cache;
    private final RelationReader reader;

    RelationService(RelationCache cache, RelationReader reader) {
        this.cache = cache;
        this.reader = reader;
    }

    public Relation relation(long a, long b) {
        UserPair pair = UserPair.of(a, b);
        VersionedRelation relation = cache.get(pair).orElseGet(() -> load(pair));
        return relation.as(a, b);
    }

    public List<Relation> relations(List<RelationBatchRequest.Pair> asked) {
        List<UserPair> pairs =
                asked.stream().map(p -> UserPair.of(p.a(), p.b())).toList();
        List<Optional<VersionedRelation>> cached = cache.getAll(pairs);
        List<Relation> answers = new ArrayList<>(asked.size());
        for (int i = 0; i < asked.size(); i++) {
            UserPair pair = pairs.get(i);
            VersionedRelation relation = cached.get(i).orElseGet(() -> load(pair));
            answers.add(relation.as(asked.get(i).a(), asked.get(i).b()));
        }
        return answers;
    }

    /** A page of every relation held, lower id first, for services rebuilding their view. */
    public RelationPage page(long afterLow, long afterHigh, int limit) {
        List<VersionedRelation> rows = reader.page(afterLow, afterHigh, limit + 1);
        boolean hasMore = rows.size() > limit;
        return new RelationPage(
                rows.stream()
                        .limit(limit)
                        .map(r -> r.as(r.pair().low(), r.pair().high()))
                        .toList(),
                hasMore);
    }

    private VersionedRelation load(UserPair pair) {
        VersionedRelation relation = reader.read(pair);
        cache.offer(relation);
        return relation;
    }
}
