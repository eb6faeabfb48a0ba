package io.chatforge.im.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import reactor.core.publisher.Mono;

class ReadyConnectorsTest {
    private final ServiceInstance a =
            new DefaultServiceInstance("connector-0", "connector-service", "127.0.0.1", 8085, false);
    private final ServiceInstance b =
            new DefaultServiceInstance("connector-1", "connector-service", "127.0.0.1", 8086, false);
    private final Set<String> down = ConcurrentHashMap.newKeySet();

    private ReadyConnectors connectors() {
        return new ReadyConnectors(
                List.of(a, b),
                instance -> down.contains(instance.getInstanceId())
                        ? Mono.error(new IllegalStateException("connection refused"))
                        : Mono.just(true),
                Duration.ZERO); // probed by hand below
    }

    @Test
    void offersEveryInstanceUntilTheFirstProbeAnswers() {
        assertThat(connectors().get().blockFirst()).containsExactly(a, b);
    }

    @Test
    void leavesOutAnInstanceWhoseProbeFailsAndTakesItBackOnceItAnswers() {
        ReadyConnectors connectors = connectors();
        down.add("connector-1");
        connectors.probeAll().block();
        assertThat(connectors.get().blockFirst()).containsExactly(a);

        down.clear();
        connectors.probeAll().block();
        assertThat(connectors.get().blockFirst()).containsExactly(a, b);
    }

    @Test
    void offersAllWhenNoneIsReadyRatherThanNothing() {
        ReadyConnectors connectors = connectors();
        down.addAll(List.of("connector-0", "connector-1"));
        connectors.probeAll().block();
        assertThat(connectors.get().blockFirst()).containsExactly(a, b);
    }

    @Test
    void countsAProbeThatAnswersNothingAsNotReady() {
        ReadyConnectors connectors = new ReadyConnectors(
                List.of(a, b), instance -> instance == b ? Mono.empty() : Mono.just(true), Duration.ZERO);
        connectors.probeAll().block();
        assertThat(connectors.get().blockFirst()).containsExactly(a);
    }
}
