package io.chatforge.im.message.deadletter;

import io.chatforge.im.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sets aside a record that cannot be processed (its own data is the problem, so no retry helps):
 * copied as it is to {@code <topic>.dlt} with the cause and its origin in headers, counted in
 * {@code im.message.dead.letters} and logged, so its partition moves on and an operator can look
 * at it and replay it. Returns only once the broker has the copy, so nothing is skipped unseen.
 */
@Component
public class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_CAUSE = 1000;

    private final KafkaTemplate<String, String> kafka;
    private final MeterRegistry meters;

    DeadLetters(KafkaTemplate<String, String> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.meters = meters;
    }

    public void publish(ConsumerRecord<String, String> record, Throwable cause) {
        var dead = new ProducerRecord<>(Topics.deadLetter(record.topic()), record.key(), record.value());
        header(dead, Topics.DLT_CAUSE, describe(cause));
        header(dead, Topics.DLT_TOPIC, record.topic());
        header(dead, Topics.DLT_PARTITION, Integer.toString(record.partition()));
        header(dead, Topics.DLT_OFFSET, Long.toString(record.offset()));
        try {
            kafka.send(dead).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while setting a record aside", e);
        } catch (ExecutionException | TimeoutException e) {
            // not set aside: the caller fails and its batch is retried, nothing is skipped
            throw new KafkaException("could not set aside " + origin(record), e);
        }
        Counter.builder("im.message.dead.letters")
                .description("records set aside on a dead-letter topic")
                .tag("topic", record.topic())
                .register(meters)
                .increment();
        log.error("set aside {} on {}: {}", origin(record), Topics.deadLetter(record.topic()), describe(cause));
    }

    private static String origin(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static String describe(Throwable cause) {
        String text = cause.getClass().getName() + ": " + cause.getMessage();
        return text.length() <= MAX_CAUSE ? text : text.substring(0, MAX_CAUSE);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
