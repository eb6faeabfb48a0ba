package io.chatforge.im.friend.profile;

import io.chatforge.im.contracts.user.UserSummary;

/**
 * The other user in a list entry. {@code username}, {@code nickname} and {@code avatar} are null
 * when user-service could not be asked: the list still comes back, with ids only.
 */
public record PeerView(long userId, String username, String nickname, String avatar) {

    static PeerView of(long userId, UserSummary profile) {
        return profile == null
                ? new PeerView(userId, null, null, null)
                : new PeerView(userId, profile.username(), profile.nickname(), profile.avatar());
    }
}
