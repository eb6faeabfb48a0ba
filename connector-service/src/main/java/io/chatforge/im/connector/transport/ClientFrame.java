package io.chatforge.im.connector.transport;

import org.springframework.web.reactive.socket.WebSocketMessage;

/**
 * A frame as read off the socket, copied out of Netty's buffer at once: frames that arrive while
 * the device is still being registered wait in line as these, with no pooled buffer held.
 */
record ClientFrame(WebSocketMessage.Type type, int bytes, String text) {

    static ClientFrame of(WebSocketMessage message) {
        boolean text = message.getType() == WebSocketMessage.Type.TEXT;
        return new ClientFrame(
                message.getType(), message.getPayload().readableByteCount(), text ? message.getPayloadAsText() : null);
    }
}
