package io.chatforge.im.message.conversation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

record ReadRequest(@NotNull @PositiveOrZero Long seq) {}
