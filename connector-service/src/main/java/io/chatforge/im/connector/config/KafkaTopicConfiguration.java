package io.chatforge.im.connector.config;

import io.chatforge.im.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics the connector writes or reads, created if missing (message-service declares the
 * same). {@code im.deliver}'s partition count bounds the number of connector pods.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicConfiguration {

    @Bean
    NewTopic deliverTopic(
            @Value("${im.kafka.deliver-partitions:64}") int partitions,
            @Value("${im.kafka.replication-factor:1}") short replicas) {
        return TopicBuilder.name(Topics.DELIVER)
                .partitions(partitions)
                .replicas(replicas)
                .build();
    }

    @Bean
    NewTopic inboundTopic(
            @Value("${im.kafka.inbound-partitions:16}") int partitions,
            @Value("${im.kafka.replication-factor:1}") short replicas) {
        return TopicBuilder.name(Topics.INBOUND)
                .partitions(partitions)
                .replicas(replicas)
                .build();
    }

    @Bean
    NewTopic presenceTopic(
            @Value("${im.kafka.presence-partitions:8}") int partitions,
            @Value("${im.kafka.replication-factor:1}") short replicas) {
        return TopicBuilder.name(Topics.PRESENCE)
                .partitions(partitions)
                .replicas(replicas)
                .build();
    }
}
