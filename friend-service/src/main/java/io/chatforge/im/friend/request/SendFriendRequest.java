package io.chatforge.im.friend.request;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

record SendFriendRequest(
        @NotNull @Positive Long toUserId, @Size(max = 200) String message) {}
