package io.chatforge.im.contracts.user;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The public face of a user, as user-service hands it to other services. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserSummary(long id, String username, String nickname, String avatar) {}
