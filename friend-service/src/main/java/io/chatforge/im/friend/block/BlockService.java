package io.chatforge.im.friend.block;

import io.chatforge.im.contracts.social.SocialEventType;
import io.chatforge.im.friend.friendship.Friendships;
import io.chatforge.im.friend.outbox.SocialEvents;
import io.chatforge.im.friend.profile.PeerView;
import io.chatforge.im.friend.profile.UserDirectory;
import io.chatforge.im.friend.relation.PairChanges;
import io.chatforge.im.service.web.ApiProblem;
import io.chatforge.im.service.web.PageView;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/** Blocking ends the friendship and withdraws pending requests between the two, in one change. */
@Service
class BlockService {
    static final int MAX_PAGE_SIZE = 100;

    private final BlockRepository blocks;
    private final Friendships friendships;
    private final ApplicationEventPublisher listeners;
    private final PairChanges pairs;
    private final SocialEvents events;
    private final UserDirectory users;

    BlockService(
            BlockRepository blocks,
            Friendships friendships,
            ApplicationEventPublisher listeners,
            PairChanges pairs,
            SocialEvents events,
            UserDirectory users) {
        this.blocks = blocks;
        this.friendships = friendships;
        this.listeners = listeners;
        this.pairs = pairs;
        this.events = events;
        this.users = users;
    }

    /** Returns true when the block is new; blocking again changes nothing. */
    boolean block(long me, long other) {
        requireOther(me, other);
        users.requireExists(other);
        return pairs.change(me, other, now -> {
            if (blocks.existsById(new Block.Key(me, other))) {
                return false;
            }
            blocks.save(new Block(me, other, now));
            friendships.end(me, other);
            listeners.publishEvent(new UserBlocked(me, other, now)); // withdraws pending requests
            events.record(SocialEventType.BLOCK_ADDED, me, other, null, null);
            return true;
        });
    }

    void unblock(long me, long other) {
        requireOther(me, other);
        pairs.change(me, other, now -> {
            var key = new Block.Key(me, other);
            if (!blocks.existsById(key)) {
                throw ApiProblem.notFound("not_blocked", "you do not block user " + other);
            }
            blocks.deleteById(key);
            events.record(SocialEventType.BLOCK_REMOVED, me, other, null, null);
            return null;
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
