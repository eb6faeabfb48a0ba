package io.chatforge.im.kafka;

import io.chatforge.im.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every topic of the platform, declared once: each service with Kafka gets this bean and its
 * KafkaAdmin creates whatever the broker lacks, so the first service to start creates them all.
 * {@code im.deliver}'s partition count bounds the number of connector pods (one slot each);
 * dead-letter topics exist for every topic a service consumes.
 */
@AutoConfiguration
public class PlatformTopics {

    @Bean
    public KafkaAdmin.NewTopics platformTopics(
            @Value("${im.kafka.inbound-partitions:16}") int inbound,
            @Value("${im.kafka.deliver-partitions:64}") int deliver,
            @Value("${im.kafka.social-partitions:8}") int social,
            @Value("${im.kafka.presence-partitions:8}") int presence,
            @Value("${im.kafka.offline-partitions:8}") int offline,
            @Value("${im.kafka.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(declare(new Partitions(inbound, deliver, social, presence, offline), replicas)
                .toArray(NewTopic[]::new));
    }

    /** The topics with these partition counts and replication factor. */
    public static List<NewTopic> declare(Partitions partitions, short replicas) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(topic(Topics.INBOUND, partitions.inbound(), replicas));
        topics.add(topic(Topics.DELIVER, partitions.deliver(), replicas));
        topics.add(topic(Topics.SOCIAL, partitions.social(), replicas));
        topics.add(topic(Topics.PRESENCE, partitions.presence(), replicas));
        topics.add(topic(Topics.OFFLINE, partitions.offline(), replicas));
        Stream.of(Topics.INBOUND, Topics.SOCIAL, Topics.PRESENCE)
                .forEach(consumed -> topics.add(topic(Topics.deadLetter(consumed), 1, replicas)));
        return topics;
    }

    private static NewTopic topic(String name, int partitions, short replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas).build();
    }

    public record Partitions(int inbound, int deliver, int social, int presence, int offline) {}
}
