package io.chatforge.im.connector.inbound;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.messaging.InboundRecord;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Forwards what clients send to message-service, keyed by conversation so each stays in order. */
@Component
public class InboundPublisher {
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;

    InboundPublisher(KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    public CompletableFuture<?> publish(InboundRecord record) {
        return kafka.send(Topics.INBOUND, record.conversationId(), json.writeValueAsString(record));
    }
}
