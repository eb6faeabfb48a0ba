package io.chatforge.im.auth.account;

record RegistrationResponse(long userId, String username) {}
