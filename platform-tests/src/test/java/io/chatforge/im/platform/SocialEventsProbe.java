package io.chatforge.im.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code im.social} from the moment it is opened, in a background thread, so a test can
 * assert which events its changes produced (and that each produced exactly one).
 */
final class SocialEventsProbe implements AutoCloseable {
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread poller;
    private volatile boolean open = true;

    SocialEventsProbe(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "platform-tests-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor("im.social", Duration.ofSeconds(30))
                .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start before any test change happens
        poller = new Thread(this::poll, "social-events-probe");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (open) {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                JsonNode event = ApiClient.JSON.readTree(record.value());
                if (!record.key().equals(event.get("userId").asString())) {
                    throw new AssertionError("event keyed " + record.key() + " concerns " + event.get("userId"));
                }
                events.add(event);
            });
        }
        consumer.close();
    }

    /** Events keyed by (concerning) {@code userId}, in the order they arrived. */
    List<JsonNode> eventsFor(long userId) {
        return events.stream().filter(e -> e.get("userId").asLong() == userId).toList();
    }

    List<JsonNode> all() {
        return List.copyOf(events);
    }

    List<String> typesFor(long userId) {
        return eventsFor(userId).stream().map(e -> e.get("type").asString()).toList();
    }

    @Override
    public void close() {
        open = false;
    }
}
