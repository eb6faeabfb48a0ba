package io.chatforge.im.gateway.websocket;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

class RelayFailureCloseTest {
    private final WebSocketSession client = mock(WebSocketSession.class);

    @Test
    void closesTheClientWith1011WhenTheRelayToTheConnectorFails() {
        when(client.isOpen()).thenReturn(true);
        when(client.close(any())).thenReturn(Mono.empty());
        WebSocketHandler relay = session -> Mono.error(new IOException("Connection reset by peer"));

        RelayFailureClose.closingOnError(relay).handle(client).block();

        verify(client).close(RelayFailureClose.CONNECTOR_LOST);
    }

    @Test
    void leavesAClientAloneWhoseRelayEndedNormally() {
        when(client.isOpen()).thenReturn(true);
        WebSocketHandler relay = session -> Mono.empty(); // the connector's own close code was passed on

        RelayFailureClose.closingOnError(relay).handle(client).block();

        verify(client, never()).close(any());
    }
}
