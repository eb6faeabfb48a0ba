package io.chatforge.im.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Starts a test run's consumer groups at the current end of their topics, so a platform under
 * test never replays what earlier runs left on the shared broker, and misses nothing of its own.
 */
final class KafkaGroups {
    private KafkaGroups() {}

    static void startAtEnd(String bootstrap, String group, List<String> topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            var existing = admin.listTopics().names().get();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (var description : admin.describeTopics(
                            topics.stream().filter(existing::contains).toList())
                    .allTopicNames()
                    .get()
                    .values()) {
                description
                        .partitions()
                        .forEach(p ->
                                ends.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
            }
            if (ends.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listOffsets(ends)
                    .all()
                    .get()
                    .forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, offsets).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot position consumer group " + group, e);
        }
    }
}
