package io.chatforge.im.friend.friendship;

import io.chatforge.im.contracts.social.SocialEventType;
import io.chatforge.im.friend.outbox.SocialEvents;
import io.chatforge.im.friend.profile.PeerView;
import io.chatforge.im.friend.profile.UserDirectory;
import io.chatforge.im.friend.relation.PairLocks;
import io.chatforge.im.service.web.ApiProblem;
import io.chatforge.im.service.web.PageView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class FriendshipService {
    static final int MAX_PAGE_SIZE = 100;

    private final FriendshipRepository friendships;
    private final Friendships graph;
    private final PairLocks pairs;
    private final SocialEvents events;
    private final UserDirectory users;
    private final OnlineUsers onlineUsers;

    FriendshipService(
            FriendshipRepository friendships,
            Friendships graph,
            PairLocks pairs,
            SocialEvents events,
            UserDirectory users,
            OnlineUsers onlineUsers) {
        this.friendships = friendships;
        this.graph = graph;
        this.pairs = pairs;
        this.events = events;
        this.users = users;
        this.onlineUsers = onlineUsers;
    }

    PageView<FriendView> list(long me, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest(
                    "validation_failed", "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        var slice = friendships.friendsOf(me, PageRequest.of(page, size));
        List<Long> ids = slice.getContent().stream().map(Friendship::friendId).toList();
        Map<Long, PeerView> peers = users.peers(ids);
        Set<Long> online = onlineUsers.among(ids);
        return PageView.of(
                slice, f -> new FriendView(peers.get(f.friendId()), f.createdAt(), online.contains(f.friendId())));
    }

    /** Ends the friendship in both directions; the former friend hears of it. */
    @Transactional
    void remove(long me, long friendId) {
        pairs.lock(me, friendId);
        if (!graph.end(me, friendId)) {
            throw ApiProblem.notFound("not_friends", "you are not friends with user " + friendId);
        }
        events.record(SocialEventType.FRIENDSHIP_REMOVED, friendId, me, null, null);
    }
}
