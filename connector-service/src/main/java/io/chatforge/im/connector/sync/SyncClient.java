package io.chatforge.im.connector.sync;

import io.chatforge.im.security.InternalCalls;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** Asks message-service for a page of missed messages on behalf of a connected device. */
@Component
public class SyncClient {
    private final WebClient http;

    SyncClient(
            @Value("${im.connector.message-service-url}") String messageService,
            @Value("${im.security.internal-token}") String internalToken) {
        this.http = WebClient.builder()
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
                .timeout(Duration.ofSeconds(10));
    }
}
