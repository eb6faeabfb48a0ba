package io.chatforge.im.contracts.frame;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Whom a send or typing frame is for: a user (direct chat) or a group. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Target(Long userId, Long groupId) {

    public static Target user(long userId) {
        return new Target(userId, null);
    }
}
