package io.chatforge.im.auth.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record RegisterRequest(
        @NotNull @Pattern(regexp = "[a-zA-Z0-9_.-]{3,32}", message = "3 to 32 of a-z A-Z 0-9 _ . -")
        String username,

        @NotNull @Size(min = 8, max = 128) String password,
        String nickname) {}
