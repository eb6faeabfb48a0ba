package io.chatforge.im.security.redis;

import io.chatforge.im.security.RevokedSessionCheck;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Services with Redis refuse tokens of revoked sessions themselves too, not only the gateway. */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(StringRedisTemplate.class)
public class RevokedSessionCheckAutoConfiguration {

    @Bean
    @ConditionalOnBean(StringRedisTemplate.class)
    @ConditionalOnMissingBean
    RevokedSessionCheck revokedSessionCheck(StringRedisTemplate redis) {
        return new RedisRevokedSessionCheck(redis);
    }
}
