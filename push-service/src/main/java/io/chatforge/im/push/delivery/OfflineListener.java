package io.chatforge.im.push.delivery;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.messaging.OfflineEvent;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code im.offline} in push-service's own consumer group: every event is looked at once (an
 * unreadable one is logged and skipped); the pushes themselves go out on the dispatcher's threads.
 */
@Component
class OfflineListener {
    private static final Logger log = LoggerFactory.getLogger(OfflineListener.class);

    private final Notifier notifier;
    private final JsonMapper json;

    OfflineListener(Notifier notifier, JsonMapper json) {
        this.notifier = notifier;
        this.json = json;
    }

    @KafkaListener(
            id = "push-offline",
            groupId = "${im.push.consumer-group}",
            topics = Topics.OFFLINE,
            containerFactory = "offlineListenerFactory")
    void onBatch(List<ConsumerRecord<String, String>> batch) {
        for (ConsumerRecord<String, String> record : batch) {
            OfflineEvent event;
            try {
                event = json.readValue(record.value(), OfflineEvent.class);
            } catch (RuntimeException unreadable) {
                log.error(
                        "skipping unreadable offline event at {}-{}@{}",
                        record.topic(),
                        record.partition(),
                        record.offset());
                continue;
            }
            notifier.notify(event);
        }
    }
}
