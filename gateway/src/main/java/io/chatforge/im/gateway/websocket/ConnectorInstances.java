package io.chatforge.im.gateway.websocket;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;

/**
 * The connector pods the gateway spreads WebSocket connections over, from
 * {@code IM_CONNECTOR_URLS} (comma-separated; on Kubernetes, the one Service URL).
 */
class ConnectorInstances {

    @Bean
    ServiceInstanceListSupplier connectorInstanceList(@Value("${im.gateway.connector-urls}") String configured) {
        // split here: this child context of the load balancer has no conversion service
        List<String> urls = Arrays.stream(configured.split(","))
                .map(String::trim)
                .filter(url -> !url.isEmpty())
                .toList();
        List<ServiceInstance> instances = IntStream.range(0, urls.size())
                .mapToObj(i -> {
                    URI uri = URI.create(urls.get(i));
                    if (uri.getHost() == null || uri.getPort() < 0) {
                        throw new IllegalStateException("IM_CONNECTOR_URLS needs host:port URLs, got " + urls.get(i));
                    }
                    return (ServiceInstance) new DefaultServiceInstance(
                            "connector-" + i,
                            "connector-service",
                            uri.getHost(),
                            uri.getPort(),
                            "https".equals(uri.getScheme()) || "wss".equals(uri.getScheme()));
                })
                .toList();
        return new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return "connector-service";
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.just(instances);
            }
        };
    }
}
