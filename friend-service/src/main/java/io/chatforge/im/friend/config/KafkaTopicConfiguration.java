package io.chatforge.im.friend.config;

import io.chatforge.im.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Creates {@code im.social} if the broker does not have it yet. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicConfiguration {

    @Bean
    NewTopic socialTopic(
            @Value("${im.kafka.social-partitions:8}") int partitions,
            @Value("${im.kafka.replication-factor:1}") short replicas) {
        return TopicBuilder.name(Topics.SOCIAL)
                .partitions(partitions)
                .replicas(replicas)
                .build();
    }
}
