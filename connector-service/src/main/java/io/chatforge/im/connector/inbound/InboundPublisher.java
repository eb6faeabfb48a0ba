package io.chatforge.im.connector.inbound;

import io.chatforge.im.connector.kafka.KafkaSender;
import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.messaging.InboundRecord;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Forwards what clients send to message-service, keyed by conversation so each stays in order. */
@Component
public class InboundPublisher {
    private static final Logger log = LoggerFactory.getLogger(InboundPublisher.class);
    private final KafkaTemplate<String, String> kafka;
    private final KafkaSender sender;
    private final JsonMapper json;

    InboundPublisher(KafkaTemplate<String, String> kafka, KafkaSender sender, JsonMapper json) {
        this.kafka = kafka;
        this.sender = sender;
        this.json = json;
    }

    /** Fetches topic metadata before clients connect, so a send never waits for it on a network thread. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        for (String topic : new String[] {Topics.INBOUND, Topics.PRESENCE, Topics.DELIVER}) {
            try {
                kafka.partitionsFor(topic);
            } catch (RuntimeException e) {
                log.warn("no metadata for {} yet: {}", topic, e.toString());
            }
        }
    }

    /** Never blocks: safe on a network thread. */
    public CompletableFuture<?> publish(InboundRecord record) {
        return sender.send(
                new ProducerRecord<>(Topics.INBOUND, record.conversationId(), json.writeValueAsString(record)));
    }
}
