package io.chatforge.im.friend.relation;

/** Two distinct users in a fixed order (lower id first), the way pairs are stored and cached. */
public record UserPair(long low, long high) {

    public UserPair {
        if (low >= high) {
            throw new IllegalArgumentException("a pair needs two distinct users, lower id first");
        }
    }

    public static UserPair of(long a, long b) {
        return a < b ? new UserPair(a, b) : new UserPair(b, a);
    }
}
