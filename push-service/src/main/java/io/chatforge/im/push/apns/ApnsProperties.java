package io.chatforge.im.push.apns;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * APNs token authentication: the .p8 signing key (PKCS#8 PEM, its content), its key id, the team
 * id, and the app's bundle id (the topic); {@code url} is APNs' base (the sandbox, or a local fake).
 */
@ConfigurationProperties("im.push.apns")
public record ApnsProperties(
        String key,
        String keyId,
        String teamId,
        String topic,
        @DefaultValue("https://api.push.apple.com") String url) {}
