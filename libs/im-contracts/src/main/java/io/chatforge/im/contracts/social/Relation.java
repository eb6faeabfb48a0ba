package io.chatforge.im.contracts.social;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How user {@code a} and user {@code b} stand: friends (both directions exist), and who blocks
 * whom. Two users may exchange messages when {@link #mayTalk()}. {@code version} counts the pair's
 * changes in friend-service (0: not known); the same number is on the {@code im.social} events of
 * each change ({@link SocialEvent#pairVersion()}), so a copy kept elsewhere knows when it is stale.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Relation(long a, long b, boolean friends, boolean blockedByA, boolean blockedByB, long version) {

    public Relation(long a, long b, boolean friends, boolean blockedByA, boolean blockedByB) {
        this(a, b, friends, blockedByA, blockedByB, 0);
    }

    /** The same relation asked the other way round. */
    public Relation reversed() {
        return new Relation(b, a, friends, blockedByB, blockedByA, version);
    }

    public boolean mayTalk() {
        return friends && !blockedByA && !blockedByB;
    }
}
