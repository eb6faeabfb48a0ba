package io.chatforge.im.connector.transport;

import io.chatforge.im.connector.config.ConnectorProperties;
import io.chatforge.im.contracts.frame.ErrorFrame;
import io.chatforge.im.contracts.frame.EventFrame;
import io.chatforge.im.contracts.frame.FrameBudget;
import io.chatforge.im.contracts.frame.KickedEvent;
import io.chatforge.im.contracts.frame.PongFrame;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Server frames as JSON text. */
@Component
public class Frames {
    private final JsonMapper json;
    private final long idleTimeoutMs;

    Frames(JsonMapper json, ConnectorProperties properties) {
        this.json = json;
        this.idleTimeoutMs = properties.idleTimeout().toMillis();
    }

    public String error(String code, String message, String ref) {
        return json.writeValueAsString(new ErrorFrame(code, message, ref));
    }

    public String pong() {
        return json.writeValueAsString(new PongFrame(System.currentTimeMillis(), idleTimeoutMs));
    }

    public String kicked() {
        return json.writeValueAsString(new EventFrame(
                EventFrame.KICKED,
                new KickedEvent(KickedEvent.CONNECTED_ELSEWHERE, "this device connected again elsewhere")));
    }

    /** True when every hop relays this frame (FrameBudget); counts UTF-8 bytes only when it could matter. */
    static boolean relayable(String frame) {
        if ((long) frame.length() * 3 <= FrameBudget.RELAYED_FRAME_BYTES) {
            return true;
        }
        return frame.getBytes(StandardCharsets.UTF_8).length <= FrameBudget.RELAYED_FRAME_BYTES;
    }

    public String write(Object frame) {
        return json.writeValueAsString(frame);
    }
}
