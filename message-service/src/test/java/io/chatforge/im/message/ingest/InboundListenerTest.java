package io.chatforge.im.message.ingest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.Target;
import io.chatforge.im.contracts.messaging.InboundRecord;
import io.chatforge.im.message.deadletter.DeadLetters;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import tools.jackson.databind.json.JsonMapper;

class InboundListenerTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final SendIngestor sends = mock(SendIngestor.class);
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final InboundListener listener =
            new InboundListener(sends, mock(CursorIngestor.class), mock(TypingRelay.class), deadLetters, json);

    private ConsumerRecord<String, String> record(long offset, String clientMsgId) {
        InboundRecord send = new InboundRecord.Send(
                InboundRecord.VERSION,
                10001,
                "phone",
                3,
                "d_10001_10002",
                1L,
                clientMsgId,
                Target.user(10002),
                MessageBody.text("hi"));
        return new ConsumerRecord<>(Topics.INBOUND, 0, offset, "d_10001_10002", json.writeValueAsString(send));
    }

    private static boolean sendsOnly(List<InboundRecord.Send> records, String clientMsgId) {
        return records.size() == 1 && clientMsgId.equals(records.get(0).clientMsgId());
    }

    @Test
    void anUnreadableRecord_isSetAside_andTheRestIsHandled() {
        var garbage = new ConsumerRecord<>(Topics.INBOUND, 0, 7L, "k", "{not json");
        listener.onBatch(List.of(garbage, record(8, "ok")));
        verify(deadLetters).publish(eq(garbage), any());
        verify(sends).ingest(argThat(r -> sendsOnly(r, "ok")));
    }

    @Test
    void aRecordFailingOnItsData_isTriedAlone_thenSetAsideAndRefused_whileTheOthersAreStored() {
        doAnswer(call -> {
                    List<InboundRecord.Send> batch = call.getArgument(0);
                    if (batch.stream().anyMatch(r -> "poison".equals(r.clientMsgId()))) {
                        throw new NullPointerException("body");
                    }
                    return null;
                })
                .when(sends)
                .ingest(anyList());
        var poison = record(1, "poison");
        listener.onBatch(List.of(record(0, "before"), poison, record(2, "after")));

        verify(sends, times(1 + InboundListener.ATTEMPTS_ALONE))
                .ingest(argThat(r -> r.stream().anyMatch(x -> "poison".equals(x.clientMsgId()))));
        verify(sends).ingest(argThat(r -> sendsOnly(r, "before")));
        verify(sends).ingest(argThat(r -> sendsOnly(r, "after")));
        verify(deadLetters).publish(eq(poison), any(NullPointerException.class));
        verify(sends).reject(argThat(r -> "poison".equals(r.clientMsgId())), any());
    }

    @Test
    void aFailingRecordThatTurnsOutStored_isAnsweredAsStored_neverAsInvalid() {
        doAnswer(call -> {
                    throw new DuplicateKeyException("uk_messages_sender_client");
                })
                .when(sends)
                .ingest(anyList());
        when(sends.answerIfStored(any())).thenReturn(true);
        listener.onBatch(List.of(record(0, "stored-before")));
        verify(sends).answerIfStored(argThat(r -> "stored-before".equals(r.clientMsgId())));
        verify(sends, never()).reject(any(), any());
        verify(deadLetters, never()).publish(any(), any());
    }

    @Test
    void theDatabaseAway_failsTheWholeBatch_forTheContainerToRetry_andSetsNothingAside() {
        doAnswer(call -> {
                    throw new CannotGetJdbcConnectionException("db down");
                })
                .when(sends)
                .ingest(anyList());
        assertThatThrownBy(() -> listener.onBatch(List.of(record(0, "a"), record(1, "b"))))
                .isInstanceOf(CannotGetJdbcConnectionException.class);
        verify(deadLetters, never()).publish(any(), any());
        verify(sends, never()).reject(any(), any());
    }
}
