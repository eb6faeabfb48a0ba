package io.chatforge.im.connector.route;

import io.chatforge.im.connector.config.ConnectorProperties;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This pod's name in routes and slot leases: {@code im.connector.node-id} (the pod name on
 * Kubernetes), else the host name plus a random suffix, so two processes never share one.
 */
@Component
public class NodeIdentity {
    private final String id;

    NodeIdentity(ConnectorProperties properties) {
        String configured = properties.nodeId();
        if (configured != null && !configured.isBlank()) {
            this.id = configured;
        } else {
            String host = System.getenv().getOrDefault("HOSTNAME", "connector");
            this.id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        }
        if (id.contains("|")) {
            throw new IllegalStateException("node id must not contain '|': " + id);
        }
    }

    public String id() {
        return id;
    }
}
