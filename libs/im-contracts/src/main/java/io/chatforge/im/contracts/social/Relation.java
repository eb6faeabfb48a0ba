package io.chatforge.im.contracts.social;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How user {@code a} and user {@code b} stand: friends (both directions exist), and who blocks
 * whom. Two users may exchange messages when {@link #mayTalk()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Relation(long a, long b, boolean friends, boolean blockedByA, boolean blockedByB) {

    public boolean mayTalk() {
        return friends && !blockedByA && !blockedByB;
    }
}
