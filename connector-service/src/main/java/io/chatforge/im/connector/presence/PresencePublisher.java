package io.chatforge.im.connector.presence;

import io.chatforge.im.connector.config.ConnectorProperties;
import io.chatforge.im.connector.kafka.KafkaSender;
import io.chatforge.im.connector.route.RouteRegistry;
import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.messaging.PresenceEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces a user's first device coming online at once, and the last one leaving only after a
 * delay without reconnect, so a flaky network or a pod restart does not flicker presence.
 */
@Component
public class PresencePublisher {
    private final KafkaSender kafka;
    private final RouteRegistry routes;
    private final ConnectorProperties properties;
    private final JsonMapper json;

    PresencePublisher(KafkaSender kafka, RouteRegistry routes, ConnectorProperties properties, JsonMapper json) {
        this.kafka = kafka;
        this.routes = routes;
        this.properties = properties;
        this.json = json;
    }

    public void online(long userId) {
        publish(userId, true);
    }

    /** Called when the user's last device here left; checks again after the delay. */
    public void maybeOffline(long userId) {
        Mono.delay(properties.presenceOfflineDelay())
                .then(routes.markOfflineUnlessLive(userId))
                .filter(wentOffline -> wentOffline)
                .subscribe(wasOnline -> publish(userId, false), e -> {});
    }

    private void publish(long userId, boolean online) {
        var event = new PresenceEvent(PresenceEvent.VERSION, userId, online, System.currentTimeMillis());
        kafka.send(new ProducerRecord<>(Topics.PRESENCE, Long.toString(userId), json.writeValueAsString(event)));
    }
}
