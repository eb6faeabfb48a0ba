package io.chatforge.im.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {}
