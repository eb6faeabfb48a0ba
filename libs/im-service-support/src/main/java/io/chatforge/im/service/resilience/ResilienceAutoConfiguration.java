package io.chatforge.im.service.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** {@link ResilientCalls} for services that call others, with breaker and retry metrics. */
@AutoConfiguration
@ConditionalOnClass({CircuitBreakerRegistry.class, RetryRegistry.class, feign.FeignException.class})
@EnableConfigurationProperties(ResilienceProperties.class)
public class ResilienceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CircuitBreakerRegistry imCircuitBreakerRegistry(ObjectProvider<MeterRegistry> meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        meters.ifAvailable(m ->
                TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(m));
        return registry;
    }

    @Bean
    @ConditionalOnMissingBean
    RetryRegistry imRetryRegistry(ObjectProvider<MeterRegistry> meters) {
        RetryRegistry registry = RetryRegistry.ofDefaults();
        meters.ifAvailable(m -> TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(m));
        return registry;
    }

    @Bean
    ResilientCalls resilientCalls(
            ResilienceProperties properties, CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
        return new ResilientCalls(properties, circuitBreakers, retries);
    }
}
