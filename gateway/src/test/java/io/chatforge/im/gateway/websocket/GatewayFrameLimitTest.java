package io.chatforge.im.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.contracts.frame.FrameBudget;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The relay from a connector takes every frame a connector may send (FrameBudget): a smaller limit
 * closed the connection of every device whose sync page outgrew it, and the device looped forever.
 */
class GatewayFrameLimitTest {

    @Test
    void theRelayFromConnectors_takesTheLargestFrameOfTheBudget() throws Exception {
        assertThat(relayLimit()).isEqualTo(FrameBudget.RELAYED_FRAME_BYTES);
    }

    @SuppressWarnings("unchecked")
    private static int relayLimit() throws Exception {
        try (InputStream in = GatewayFrameLimitTest.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> node = new Yaml().load(in);
            for (String key : "spring.cloud.gateway.server.webflux.httpclient.websocket".split("\\.")) {
                node = (Map<String, Object>) node.get(key);
            }
            return ((Number) node.get("max-frame-payload-length")).intValue();
        }
    }
}
