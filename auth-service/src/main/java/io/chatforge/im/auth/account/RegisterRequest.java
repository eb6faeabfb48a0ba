package io.chatforge.im.auth.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code username} is checked in its canonical form ({@code Usernames}) by the service. */
record RegisterRequest(
        @NotNull @Size(max = 64) String username,
        @NotNull @Size(min = 8, max = 128) String password,
        String nickname) {}
