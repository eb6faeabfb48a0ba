package io.chatforge.im.friend.request;

import io.chatforge.im.contracts.social.SocialEventType;
import io.chatforge.im.friend.block.Blocks;
import io.chatforge.im.friend.friendship.Friendships;
import io.chatforge.im.friend.outbox.SocialEvents;
import io.chatforge.im.friend.profile.PeerView;
import io.chatforge.im.friend.profile.UserDirectory;
import io.chatforge.im.friend.relation.PairChanges;
import io.chatforge.im.service.web.ApiProblem;
import io.chatforge.im.service.web.PageView;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;

/**
 * Friend requests. Every change first locks the pair of users ({@link PairChanges}), so crossed or
 * concurrent requests, accepts and cancels of the same two users happen one after the other.
 */
@Service
class FriendRequestService {
    static final int MAX_PAGE_SIZE = 100;

    private final FriendRequestRepository requests;
    private final Friendships friendships;
    private final Blocks blocks;
    private final PairChanges pairs;
    private final SocialEvents events;
    private final UserDirectory users;

    FriendRequestService(
            FriendRequestRepository requests,
            Friendships friendships,
            Blocks blocks,
            PairChanges pairs,
            SocialEvents events,
            UserDirectory users) {
        this.requests = requests;
        this.friendships = friendships;
        this.blocks = blocks;
        this.pairs = pairs;
        this.events = events;
        this.users = users;
    }

    /**
     * Sends a request. If the other user already asked me, that request is accepted instead (so
     * crossed requests make friends); asking again while mine is pending returns it unchanged.
     */
    Sent send(long me, SendFriendRequest request) {
        long to = request.toUserId();
        if (to == me) {
            throw ApiProblem.badRequest("cannot_befriend_self", "you cannot send a friend request to yourself");
        }
        users.requireExists(to);
        String message = request.message() == null || request.message().isBlank()
                ? null
                : request.message().strip();
        return pairs.change(me, to, now -> {
            if (blocks.eitherBlocks(me, to)) {
                throw ApiProblem.forbidden("blocked", "you cannot send a friend request to this user");
            }
            if (friendships.areFriends(me, to)) {
                throw ApiProblem.conflict("already_friends", "you are already friends");
            }
            var theirs = requests.findFirstByFromUserIdAndToUserIdAndStatus(to, me, FriendRequest.Status.PENDING);
            if (theirs.isPresent()) {
                accept(theirs.get(), now);
                return new Sent(theirs.get(), false);
            }
            var mine = requests.findFirstByFromUserIdAndToUserIdAndStatus(me, to, FriendRequest.Status.PENDING);
            if (mine.isPresent()) {
                return new Sent(mine.get(), false);
            }
            FriendRequest created = requests.save(new FriendRequest(me, to, message, now));
            events.record(SocialEventType.REQUEST_RECEIVED, to, me, created.id(), message);
            return new Sent(created, true);
        });
    }

    FriendRequest accept(long me, long requestId) {
        return act(me, requestId, Party.RECIPIENT, (request, now) -> accept(request, now));
    }

    FriendRequest decline(long me, long requestId) {
        return act(me, requestId, Party.RECIPIENT, (request, now) -> {
            request.moveTo(FriendRequest.Status.DECLINED, now);
            events.record(SocialEventType.REQUEST_DECLINED, request.fromUserId(), me, request.id(), null);
        });
    }

    void cancel(long me, long requestId) {
        act(me, requestId, Party.SENDER, (request, now) -> {
            request.moveTo(FriendRequest.Status.CANCELLED, now);
            events.record(SocialEventType.REQUEST_CANCELLED, request.toUserId(), me, request.id(), null);
        });
    }

    PageView<FriendRequestView> list(long me, String direction, String status, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest(
                    "validation_failed", "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        FriendRequest.Status wanted = FriendRequest.Status.parse(status == null ? "pending" : status);
        var paging = PageRequest.of(page, size);
        Slice<FriendRequest> slice =
                switch (direction == null ? "incoming" : direction) {
                    case "incoming" -> requests.findByToUserIdAndStatusOrderByCreatedAtDescIdDesc(me, wanted, paging);
                    case "outgoing" -> requests.findByFromUserIdAndStatusOrderByCreatedAtDescIdDesc(me, wanted, paging);
                    default ->
                        throw ApiProblem.badRequest("validation_failed", "direction must be incoming or outgoing")
                                .with("field", "direction");
                };
        Map<Long, PeerView> peers =
                users.peers(slice.getContent().stream().map(r -> r.peerOf(me)).toList());
        return PageView.of(slice, r -> r.toView(peers.get(r.peerOf(me))));
    }

    FriendRequestView view(long me, FriendRequest request) {
        long peer = request.peerOf(me);
        return request.toView(users.peers(java.util.List.of(peer)).get(peer));
    }

    private void accept(FriendRequest request, Instant now) {
        request.moveTo(FriendRequest.Status.ACCEPTED, now);
        if (!friendships.areFriends(request.fromUserId(), request.toUserId())) {
            friendships.befriend(request.fromUserId(), request.toUserId(), now);
        }
        events.record(SocialEventType.REQUEST_ACCEPTED, request.fromUserId(), request.toUserId(), request.id(), null);
    }

    /** Locks the pair, then the request, and applies the change if {@code me} is the right party. */
    private FriendRequest act(long me, long requestId, Party party, Change change) {
        // a request's parties never change: read before the pair is locked
        RequestParties parties =
                requests.partiesOf(requestId).filter(p -> party.of(p) == me).orElseThrow(() -> notFound(requestId));
        return pairs.change(parties.fromUserId(), parties.toUserId(), now -> {
            FriendRequest request = requests.findLocked(requestId).orElseThrow(() -> notFound(requestId));
            change.apply(request, now);
            return request;
        });
    }

    private static ApiProblem notFound(long requestId) {
        return ApiProblem.notFound("request_not_found", "no friend request " + requestId + " for you");
    }

    record Sent(FriendRequest request, boolean created) {}

    private enum Party {
        SENDER,
        RECIPIENT;

        long of(RequestParties parties) {
            return this == SENDER ? parties.fromUserId() : parties.toUserId();
        }
    }

    @FunctionalInterface
    private interface Change {
        void apply(FriendRequest request, Instant now);
    }
}
