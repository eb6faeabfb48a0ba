package io.chatforge.im.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.contracts.Topics;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class PlatformTopicsTest {

    @Test
    void everyTopicIsDeclaredWithItsPartitions_andEveryConsumedTopicHasADeadLetterTopic() {
        Map<String, Integer> declared =
                PlatformTopics.declare(new PlatformTopics.Partitions(16, 64, 8, 4, 2), (short) 1).stream()
                        .collect(Collectors.toMap(NewTopic::name, NewTopic::numPartitions));

        assertThat(declared)
                .containsEntry(Topics.INBOUND, 16)
                .containsEntry(Topics.DELIVER, 64)
                .containsEntry(Topics.SOCIAL, 8)
                .containsEntry(Topics.PRESENCE, 4)
                .containsEntry(Topics.OFFLINE, 2)
                .containsEntry(Topics.deadLetter(Topics.INBOUND), 1)
                .containsEntry(Topics.deadLetter(Topics.SOCIAL), 1)
                .containsEntry(Topics.deadLetter(Topics.PRESENCE), 1)
                .hasSize(8);
    }
}
