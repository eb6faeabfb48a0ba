package io.chatforge.im.friend.relation;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a change of two users' relation in one transaction that first locks the pair
 * ({@link PairLocks}): crossed or concurrent requests, accepts, blocks and unfriends of the same
 * two users happen one after the other. The change gets the time it happens at.
 */
@Component
public class PairChanges {
    private final TransactionTemplate transactions;
    private final PairLocks locks;
    private final Clock clock;

    PairChanges(TransactionTemplate transactions, PairLocks locks, Clock clock) {
        this.transactions = transactions;
        this.locks = locks;
        this.clock = clock;
    }

    public <T> T change(long a, long b, Function<Instant, T> work) {
        return transactions.execute(tx -> {
            locks.lock(a, b);
            return work.apply(clock.instant());
        });
    }
}
