package io.chatforge.im.contracts.user;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * auth-service asks user-service to create the profile of a freshly registered account. The call
 * is idempotent: repeating it for the same id and username returns the existing profile.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateProfileRequest(String username, String nickname) {}
