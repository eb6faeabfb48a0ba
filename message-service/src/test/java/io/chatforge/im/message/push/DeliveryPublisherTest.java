package io.chatforge.im.message.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.messaging.DeliveryHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;

/** The answer to a send names it, so the connector that took the send can free its place in flight. */
class DeliveryPublisherTest {
    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);

    private final DeliveryPublisher publisher = new DeliveryPublisher(kafka, new SimpleMeterRegistry());

    @Test
    void anAnswer_goesToTheSendersDeviceOnItsSlot_markedWithTheClientMsgId() {
        publisher.answer(7, 42, "phone", "c-1", "{\"type\":\"sent\"}");

        ProducerRecord<String, String> record = sent();
        assertThat(record.topic()).isEqualTo(Topics.DELIVER);
        assertThat(record.partition()).isEqualTo(7);
        assertThat(header(record, DeliveryHeaders.USER)).isEqualTo("42");
        assertThat(header(record, DeliveryHeaders.DEVICE)).isEqualTo("phone");
        assertThat(header(record, DeliveryHeaders.ANSWERS)).isEqualTo("c-1");
    }

    @Test
    void anAnswerWithoutClientMsgId_hasNoMark() {
        publisher.answer(7, 42, "phone", null, "{\"type\":\"error\"}");

        assertThat(sent().headers().lastHeader(DeliveryHeaders.ANSWERS)).isNull();
    }

    @SuppressWarnings("unchecked")
    private ProducerRecord<String, String> sent() {
        ArgumentCaptor<ProducerRecord<String, String>> captor = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(captor.capture());
        return captor.getValue();
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
