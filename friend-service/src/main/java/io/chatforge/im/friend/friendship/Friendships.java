package io.chatforge.im.friend.friendship;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Creates and ends friendships, always both directions in the caller's transaction. */
@Component
public class Friendships {
    private final FriendshipRepository friendships;

    Friendships(FriendshipRepository friendships) {
        this.friendships = friendships;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void befriend(long a, long b, Instant now) {
        friendships.save(new Friendship(a, b, now));
        friendships.save(new Friendship(b, a, now));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean end(long a, long b) {
        return friendships.deleteBoth(a, b) > 0;
    }

    public boolean areFriends(long a, long b) {
        return friendships.areFriends(a, b);
    }

    /** The ids of a user's friends, newest first, at most {@code limit}. */
    public List<Long> friendIds(long userId, int limit) {
        return friendships.friendsOf(userId, PageRequest.of(0, limit)).stream()
                .map(Friendship::friendId)
                .toList();
    }
}
