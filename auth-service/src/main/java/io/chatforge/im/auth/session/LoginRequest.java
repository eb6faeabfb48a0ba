package io.chatforge.im.auth.session;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record LoginRequest(
        /** any spelling: looked up in its canonical form */
        @NotNull @Size(min = 1, max = 64) String username,
        @NotNull @Size(min = 1, max = 128) String password,

        @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "1 to 64 of A-Z a-z 0-9 . _ : -")
        String deviceId,

        @NotNull
        @Pattern(
                regexp = "web|ios|android|desktop|miniprogram|other",
                message = "one of web, ios, android, desktop, miniprogram, other")
        String deviceType) {}
