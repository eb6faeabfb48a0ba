package io.chatforge.im.push.fcm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * FCM HTTP v1: a service account's JSON key (its content, or a file), the project comes from it;
 * {@code url} is FCM's base (tests point it at a local fake, and the key's token_uri too).
 */
@ConfigurationProperties("im.push.fcm")
public record FcmProperties(
        String serviceAccount,
        String serviceAccountFile,
        @DefaultValue("https://fcm.googleapis.com") String url) {}
