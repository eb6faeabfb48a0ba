package io.chatforge.im.push.webpush;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** VAPID identity and the push services subscriptions may point at. */
@ConfigurationProperties("im.push.webpush")
public record WebPushProperties(
        @DefaultValue("mailto:push@chatforge.invalid") String subject,
        String publicKey,
        String privateKey,
        String keyFile,

        @DefaultValue({
            "fcm.googleapis.com",
            "updates.push.services.mozilla.com",
            "*.push.apple.com",
            "*.notify.windows.com"
        })
        List<String> allowedHosts,

        @DefaultValue("false") boolean allowLoopback) {}
