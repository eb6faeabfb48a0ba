package io.chatforge.im.security.feign;

import feign.RequestInterceptor;
import io.chatforge.im.security.ImSecurityProperties;
import io.chatforge.im.security.InternalCalls;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Feign clients of platform services call {@code /internal/**} with the shared service token. */
@AutoConfiguration
@ConditionalOnClass(RequestInterceptor.class)
@EnableConfigurationProperties(ImSecurityProperties.class)
public class InternalCallsFeignAutoConfiguration {

    @Bean
    RequestInterceptor internalTokenRequestInterceptor(ImSecurityProperties properties) {
        return template -> {
            if (template.path().startsWith(InternalCalls.PATH_PREFIX)) {
                template.header(InternalCalls.TOKEN_HEADER, properties.internalToken());
            }
        };
    }
}
