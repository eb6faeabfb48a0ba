package io.chatforge.im.friend.request;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What other features do to friend requests (a block withdraws every pending one). */
@Component
public class FriendRequests {
    private final FriendRequestRepository requests;

    FriendRequests(FriendRequestRepository requests) {
        this.requests = requests;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void cancelPendingBetween(long a, long b, Instant now) {
        requests.pendingBetween(a, b).forEach(r -> r.moveTo(FriendRequest.Status.CANCELLED, now));
    }
}
