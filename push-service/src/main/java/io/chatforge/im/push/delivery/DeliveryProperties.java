package io.chatforge.im.push.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("im.push.delivery")
public record DeliveryProperties(
        @DefaultValue("4") int attempts,
        @DefaultValue("500ms") Duration firstBackoff,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("16") int concurrency) {}
