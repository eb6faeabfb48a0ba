package io.chatforge.im.friend.request;

import io.chatforge.im.friend.profile.PeerView;
import java.time.Instant;

/** A friend request as clients see it; {@code peer} is the other party's profile. */
record FriendRequestView(
        long id,
        long fromUserId,
        long toUserId,
        String message,
        String status,
        Instant createdAt,
        Instant updatedAt,
        PeerView peer) {}
