package io.chatforge.im.push.webpush;

import io.chatforge.im.push.device.EndpointGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WebPushConfiguration {

    /** Which subscription endpoints are accepted at registration and called at sending. */
    @Bean
    EndpointGuard endpointGuard(WebPushProperties properties) {
        return new EndpointGuard(properties.allowedHosts(), properties.allowLoopback());
    }
}
