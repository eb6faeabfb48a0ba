package io.chatforge.im.platform;

import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Records that can never be processed do not block their partition and are not dropped unseen:
 * after a few tries they are set aside on {@code im.inbound.dlt} with the cause in headers, the
 * sender of an unprocessable send is told, and the conversation goes on.
 */
class DeadLetterIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void unreadableAndUnprocessableRecords_areSetAsideWithTheirCause_andTheirConversationGoesOn() throws Exception {
        var alice = Accounts.registerAndLogin(api, "poison");
        var bob = Accounts.registerAndLogin(api, "poison");
        Friends.befriend(api, alice, bob);
        String conversation = MessagingIT.conversationOf(alice, bob);
        String marker = UUID.randomUUID().toString();
        try (var ws = WsClient.connect(platform, alice.accessToken());
                var producer = producer()) {
            awaitOnline(ws);
            int slot = Integer.parseInt(RedisProbe.hget(platform, "im:route:{" + alice.userId() + "}", "device-1")
                    .split("\\|")[1]);
            String garbage = "{not json " + marker;
            String clientMsgId = "poison-" + marker;
            Map<String, Object> noBody = new LinkedHashMap<>();
            noBody.put("version", 1);
            noBody.put("kind", "send");
            noBody.put("senderId", alice.userId());
            noBody.put("senderDeviceId", "device-1");
            noBody.put("senderSlot", slot);
            noBody.put("conversationId", conversation);
            noBody.put("clientMsgId", clientMsgId);
            noBody.put("to", Map.of("userId", bob.userId()));
            noBody.put("receivedAt", System.currentTimeMillis());
            producer.send(new ProducerRecord<>("im.inbound", conversation, garbage))
                    .get();
            producer.send(new ProducerRecord<>("im.inbound", conversation, ApiClient.JSON.writeValueAsString(noBody)))
                    .get();

            ws.sendMessage("after-" + marker, bob.userId(), "the conversation goes on");
            ws.await(
                    "sent after the poison",
                    f -> "sent".equals(f.path("type").asString())
                            && ("after-" + marker).equals(f.path("clientMsgId").asString()),
                    Duration.ofSeconds(30));
            JsonNode refusal = ws.await(
                    "the sender of the unprocessable send is told",
                    f -> "error".equals(f.path("type").asString())
                            && clientMsgId.equals(f.path("ref").asString()));
            assertThat(refusal.get("code").asString()).isEqualTo("invalid_field");
        }

        List<ConsumerRecord<String, String>> setAside = new ArrayList<>();
        try (var consumer = consumer()) {
            Awaitility.await("both records on im.inbound.dlt")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                            if (r.value().contains(marker)) {
                                setAside.add(r);
                            }
                        });
                        return setAside.size() >= 2;
                    });
        }
        assertThat(setAside).hasSize(2);
        for (var record : setAside) {
            assertThat(header(record, "im.dlt.topic")).isEqualTo("im.inbound");
            assertThat(header(record, "im.dlt.offset")).matches("\\d+");
            assertThat(header(record, "im.dlt.cause")).isNotBlank();
            assertThat(record.key()).isEqualTo(conversation);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().endpoints().kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(props);
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().endpoints().kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        var consumer = new KafkaConsumer<String, String>(props);
        consumer.subscribe(List.of("im.inbound.dlt"));
        return consumer;
    }
}
