package io.chatforge.im.message.config;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.message.permission.RelationGaps;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Consumers and topics. Inbound batches are retried until they succeed (a database or broker
 * outage delays messages, never drops them); a record that fails on its own data is set aside by
 * the listener ({@code InboundListener}); offsets are committed after a batch is handled. Events
 * (social, presence) are best effort: a few retries, then set aside on their dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> inboundListenerFactory(
            ConsumerFactory<String, String> consumers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        var backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<String, String> eventListenerFactory(
            ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        var deadLetters = new DeadLetterPublishingRecoverer(
                (KafkaTemplate) kafka, (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        factory.setCommonErrorHandler(new DefaultErrorHandler(deadLetters, new FixedBackOff(500, 3)));
        return factory;
    }

    /**
     * Listeners that keep an instance's own view (every instance reads everything, in a group of
     * its own): nothing is committed, a restart starts from the end and rebuilds the view.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> relationViewListenerFactory(
            ConsumerFactory<String, String> consumers, RelationGaps gaps) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        factory.getContainerProperties().setConsumerRebalanceListener(gaps);
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(500, 3)));
        return factory;
    }
}
