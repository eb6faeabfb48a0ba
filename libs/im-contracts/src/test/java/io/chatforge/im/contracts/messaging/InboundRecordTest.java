package io.chatforge.im.contracts.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.Target;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The wire form between connector and message-service: a {@code kind} and that kind's fields only. */
class InboundRecordTest {
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void eachKind_travelsWithItsName_andComesBackAsItself() {
        InboundRecord send =
                new InboundRecord.Send(1, 10, "phone", 3, "d_10_20", 99, "m1", Target.user(20), MessageBody.text("hi"));
        InboundRecord read = new InboundRecord.Read(1, 10, "phone", 3, "d_10_20", 99, 7);
        InboundRecord typing = new InboundRecord.Typing(1, 10, "phone", 3, "d_10_20", 99, Target.user(20));

        for (InboundRecord record : new InboundRecord[] {send, read, typing}) {
            String wire = json.writeValueAsString(record);
            assertThat(json.readValue(wire, InboundRecord.class)).isEqualTo(record);
        }
        assertThat(json.readTree(json.writeValueAsString(send)).get("kind").asString())
                .isEqualTo(InboundRecord.SEND);
        assertThat(json.readTree(json.writeValueAsString(read)).has("clientMsgId"))
                .isFalse();
    }

    @Test
    void anAckAndARead_areDifferentKinds_withTheSameFields() {
        String wire = "{\"kind\":\"ack\",\"version\":1,\"senderId\":10,\"senderDeviceId\":\"phone\","
                + "\"senderSlot\":3,\"conversationId\":\"d_10_20\",\"receivedAt\":1,\"seq\":4}";

        assertThat(json.readValue(wire, InboundRecord.class)).isInstanceOf(InboundRecord.Ack.class);
    }

    @Test
    void aRecordOfNoKnownKind_isUnreadable_notGuessed() {
        assertThatThrownBy(() -> json.readValue("{\"kind\":\"recall\",\"senderId\":1}", InboundRecord.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"senderId\":1}", InboundRecord.class))
                .isInstanceOf(JacksonException.class);
    }
}
