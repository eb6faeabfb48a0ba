package io.chatforge.im.connector.sync;

import io.chatforge.im.contracts.frame.FrameBudget;
import io.chatforge.im.security.InternalCalls;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Asks message-service for a page of missed messages on behalf of a connected device. Connecting
 * gives up after 1 s, an answer after 5 s, the whole call after 10 s: the client gets a retryable
 * error instead of waiting on a hung message-service.
 */
@Component
public class SyncClient {
    private final WebClient http;

    SyncClient(
            @Value("${im.connector.message-service-url}") String messageService,
            @Value("${im.security.internal-token}") String internalToken,
            Environment environment) {
        InternalCalls.requireUsableToken(internalToken, environment.matchesProfiles("dev"));
        HttpClient connections = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
                .responseTimeout(Duration.ofSeconds(5));
        this.http = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(connections))
                // a page is cut at FrameBudget.PAGE_BYTES, or holds one larger message: never beyond this
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(FrameBudget.RELAYED_FRAME_BYTES))
                .baseUrl(messageService)
                .defaultHeader(InternalCalls.TOKEN_HEADER, internalToken)
                .build();
    }

    /** The sync.page frame, as JSON text, ready to send. */
    public Mono<String> page(long userId, String ref, Map<String, Long> cursors, int limit, int maxBytes) {
        return http.post()
                .uri("/internal/sync")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of("userId", userId, "ref", ref, "cursors", cursors, "limit", limit, "maxBytes", maxBytes))
                .retrieve()
                .bodyToMono(String.class)
                .timeout(Duration.ofSeconds(10));
    }
}
