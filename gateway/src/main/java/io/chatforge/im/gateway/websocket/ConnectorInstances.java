package io.chatforge.im.gateway.websocket;

import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The connector pods the gateway spreads WebSocket connections over, from
 * {@code IM_CONNECTOR_URLS} (comma-separated; on Kubernetes, the one Service URL), those that
 * answer their readiness probe first ({@link ReadyConnectors}).
 */
class ConnectorInstances {

    @Bean
    ServiceInstanceListSupplier connectorInstanceList(
            @Value("${im.gateway.connector-urls}") String configured,
            @Value("${im.gateway.connector-probe-interval:1s}") String probeInterval) {
        // split and parse here: this child context of the load balancer has no conversion service
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
        Duration interval = DurationStyle.detectAndParse(probeInterval.trim());
        return new ReadyConnectors(instances, readinessProbe(interval), interval);
    }

    /** GET /actuator/health/readiness, answered within the interval, 200 meaning ready. */
    private static Function<ServiceInstance, Mono<Boolean>> readinessProbe(Duration interval) {
        Duration timeout = interval.isZero() ? Duration.ofSeconds(1) : interval;
        WebClient web = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 1000))
                        .responseTimeout(timeout)))
                .build();
        return instance -> web.get()
                .uri(instance.getUri().resolve("/actuator/health/readiness"))
                .exchangeToMono(response ->
                        response.releaseBody().thenReturn(response.statusCode().value() == 200))
                .timeout(timeout, Mono.just(false));
    }
}
