package io.chatforge.im.connector.sync;

import io.chatforge.im.security.InternalCalls;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Asks message-service for a page of missed messages on behalf of a connected device. Syncs are
 * admitted at the pace message-service answers them: at most {@code MAX_IN_FLIGHT} at once, the
 * rest wait in line (up to {@code QUEUE_WAIT}) instead of being refused when thousands of devices
 * reconnect together; the answer itself must come within {@code ANSWER_TIMEOUT}.
 */
@Component
public class SyncClient {
    private static final int MAX_IN_FLIGHT = 32;
    private static final int MAX_WAITING = 20_000;
    private static final Duration QUEUE_WAIT = Duration.ofSeconds(30);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final WebClient http;

    SyncClient(
            @Value("${im.connector.message-service-url}") String messageService,
            @Value("${im.security.internal-token}") String internalToken) {
        ConnectionProvider syncConnections = ConnectionProvider.builder("sync")
                .maxConnections(MAX_IN_FLIGHT)
                .pendingAcquireMaxCount(MAX_WAITING)
                .pendingAcquireTimeout(QUEUE_WAIT)
                .build();
        this.http = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(
                        HttpClient.create(syncConnections).responseTimeout(ANSWER_TIMEOUT)))
                .baseUrl(messageService)
                .defaultHeader(InternalCalls.TOKEN_HEADER, internalToken)
                .build();
    }

    /** The sync.page frame, as JSON text, ready to send. */
    public Mono<String> page(long userId, String ref, Map<String, Long> cursors, int limit) {
        return http.post()
                .uri("/internal/sync")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", userId, "ref", ref, "cursors", cursors, "limit", limit))
                .retrieve()
                .bodyToMono(String.class)
                // the line and the answer together: a hung message-service still ends in an error
                .timeout(QUEUE_WAIT.plus(ANSWER_TIMEOUT));
    }
}
