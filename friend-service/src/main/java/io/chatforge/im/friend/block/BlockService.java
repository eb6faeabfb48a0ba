package io.chatforge.im.friend.block;

import io.chatforge.im.contracts.social.SocialEventType;
import io.chatforge.im.friend.friendship.Friendships;
import io.chatforge.im.friend.outbox.SocialEvents;
import io.chatforge.im.friend.profile.PeerView;
import io.chatforge.im.friend.profile.UserDirectory;
import io.chatforge.im.friend.relation.PairLocks;
import io.chatforge.im.service.web.ApiProblem;
import io.chatforge.im.service.web.PageView;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Blocking ends the friendship and withdraws pending requests between the two, in one change. */
@Service
class BlockService {
    static final int MAX_PAGE_SIZE = 100;

    private final BlockRepository blocks;
    private final Friendships friendships;
    private final ApplicationEventPublisher listeners;
    private final PairLocks pairs;
    private final SocialEvents events;
    private final UserDirectory users;
    private final TransactionTemplate transactions;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // collaborators, wired once by Spring
    BlockService(
            BlockRepository blocks,
            Friendships friendships,
            ApplicationEventPublisher listeners,
            PairLocks pairs,
            SocialEvents events,
            UserDirectory users,
            TransactionTemplate transactions,
            Clock clock) {
        this.blocks = blocks;
        this.friendships = friendships;
        this.listeners = listeners;
        this.pairs = pairs;
        this.events = events;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Returns true when the block is new; blocking again changes nothing. */
    boolean block(long me, long other) {
        requireOther(me, other);
        users.requireExists(other);
        return transactions.execute(tx -> {
            pairs.lock(me, other);
            if (blocks.existsById(new Block.Key(me, other))) {
                return false;
            }
            Instant now = clock.instant();
            blocks.save(new Block(me, other, now));
            friendships.end(me, other);
            listeners.publishEvent(new UserBlocked(me, other, now)); // withdraws pending requests
            events.record(SocialEventType.BLOCK_ADDED, me, other, null, null);
            return true;
        });
    }

    void unblock(long me, long other) {
        requireOther(me, other);
        transactions.executeWithoutResult(tx -> {
            pairs.lock(me, other);
            var key = new Block.Key(me, other);
            if (!blocks.existsById(key)) {
                throw ApiProblem.notFound("not_blocked", "you do not block user " + other);
            }
            blocks.deleteById(key);
            events.record(SocialEventType.BLOCK_REMOVED, me, other, null, null);
        });
    }

    PageView<BlockView> list(long me, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest(
                    "validation_failed", "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        var slice = blocks.blockedBy(me, PageRequest.of(page, size));
        Map<Long, PeerView> peers =
                users.peers(slice.getContent().stream().map(Block::blockedId).toList());
        return PageView.of(slice, b -> new BlockView(peers.get(b.blockedId()), b.createdAt()));
    }

    private static void requireOther(long me, long other) {
        if (other <= 0 || other == me) {
            throw ApiProblem.badRequest("validation_failed", "userId must be another user's id");
        }
    }
}
