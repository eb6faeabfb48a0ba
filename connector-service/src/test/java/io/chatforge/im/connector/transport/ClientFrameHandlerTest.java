package io.chatforge.im.connector.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.chatforge.im.connector.config.ConnectorProperties;
import io.chatforge.im.connector.session.ClientSession;
import io.chatforge.im.connector.session.SendBudget;
import io.chatforge.im.connector.sync.SyncClient;
import io.chatforge.im.contracts.frame.MediaInfo;
import io.chatforge.im.contracts.frame.Mentions;
import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Frame validation: every wrong frame gets an error naming it, and nothing wrong goes on to Kafka. */
class ClientFrameHandlerTest {
    private static final long ME = 10;

    private final JsonMapper json = JsonMapper.builder().build();
    private final ConnectorProperties limits = new ConnectorProperties(
            "node-a",
            20,
            2048,
            100,
            20,
            Duration.ofSeconds(10),
            3,
            5,
            Duration.ofSeconds(60),
            Duration.ofSeconds(90),
            Duration.ofSeconds(15),
            Duration.ofSeconds(5),
            64,
            Duration.ofSeconds(5));
    private final InboundForwarder forwarder = mock(InboundForwarder.class);
    private final SessionControl control = mock(SessionControl.class);
    private final ClientFrameHandler handler =
            new ClientFrameHandler(limits, forwarder, mock(SyncClient.class), new Frames(json, limits), json, control);
    private final ClientSession session = mock(ClientSession.class);
    private final List<String> sent = new ArrayList<>();

    ClientFrameHandlerTest() {
        when(session.userId()).thenReturn(ME);
        when(session.deviceId()).thenReturn("phone");
        when(session.budget())
                .thenReturn(new SendBudget(100, 20, Duration.ofSeconds(10).toNanos(), 3));
        org.mockito.Mockito.doAnswer(call -> sent.add(call.getArgument(0)))
                .when(session)
                .send(anyString());
        when(forwarder.send(any(), any(), anyString(), any()))
                .thenAnswer(call -> CompletableFuture.completedFuture(null));
        when(forwarder.cursor(any(), anyString(), anyString(), anyLong()))
                .thenAnswer(call -> CompletableFuture.completedFuture(null));
    }

    private void receive(String text) {
        handler.handle(session, new ClientFrame(WebSocketMessage.Type.TEXT, text.length(), text));
    }

    private JsonNode lastError() {
        assertThat(sent).isNotEmpty();
        JsonNode frame = json.readTree(sent.get(sent.size() - 1));
        assertThat(frame.get("type").asString()).isEqualTo("error");
        return frame;
    }

    @Test
    void aValidSend_goesOnWithItsTarget_andNoError() {
        receive(
                "{\"type\":\"send\",\"clientMsgId\":\"m1\",\"to\":{\"userId\":20},\"body\":{\"kind\":\"text\",\"text\":\"hi\"}}");

        verify(forwarder).send(eq(session), eq(Target.user(20)), eq("m1"), eq(MessageBody.text("hi")));
        assertThat(sent).isEmpty();
    }

    @Test
    void notJson_isMalformed() {
        receive("{nope");

        assertThat(lastError().get("code").asString()).isEqualTo("malformed_frame");
        verifyNoInteractions(forwarder);
    }

    @Test
    void aSendWithoutClientMsgId_orTarget_orTooLongAText_isRefusedByName() {
        receive("{\"type\":\"send\",\"to\":{\"userId\":20},\"body\":{\"kind\":\"text\",\"text\":\"hi\"}}");
        assertThat(lastError().get("code").asString()).isEqualTo("missing_field");

        receive("{\"type\":\"send\",\"clientMsgId\":\"m2\",\"body\":{\"kind\":\"text\",\"text\":\"hi\"}}");
        assertThat(lastError().get("ref").asString()).isEqualTo("m2");

        receive(
                "{\"type\":\"send\",\"clientMsgId\":\"m3\",\"to\":{\"userId\":20},\"body\":{\"kind\":\"text\",\"text\":\""
                        + "x".repeat(21) + "\"}}");
        assertThat(lastError().get("code").asString()).isEqualTo("text_too_long");

        verify(forwarder, never()).send(any(), any(), anyString(), any());
    }

    @Test
    void writingToYourself_orReadingSomeoneElsesConversation_isRefused() {
        receive(
                "{\"type\":\"send\",\"clientMsgId\":\"m4\",\"to\":{\"userId\":10},\"body\":{\"kind\":\"text\",\"text\":\"hi\"}}");
        assertThat(lastError().get("code").asString()).isEqualTo("invalid_field");

        receive("{\"type\":\"read\",\"conversationId\":\"d_20_30\",\"seq\":4}");
        assertThat(lastError().get("code").asString()).isEqualTo("not_a_member");

        verify(forwarder, never()).cursor(any(), anyString(), anyString(), anyLong());
    }

    @Test
    void aReadOfMyConversation_goesOn() {
        receive("{\"type\":\"read\",\"conversationId\":\"d_10_20\",\"seq\":4}");

        verify(forwarder).cursor(session, "read", "d_10_20", 4);
    }

    @Test
    void anUnknownType_isNamed_andTooManyWrongFrames_closeTheSession() {
        receive("{\"type\":\"recall\"}");
        assertThat(lastError().get("code").asString()).isEqualTo("unknown_type");
        receive("{\"type\":\"recall\"}");
        receive("{\"type\":\"recall\"}");
        receive("{\"type\":\"recall\"}");

        verify(session).sendAndClose(anyString(), any(CloseStatus.class));
    }

    private void send(String body) {
        receive("{\"type\":\"send\",\"clientMsgId\":\"c1\",\"to\":{\"groupId\":7},\"body\":" + body + "}");
    }

    @Test
    void lifecycleKinds_goOnWithTheirFields() {
        send("{\"kind\":\"text\",\"text\":\"hi\",\"replyTo\":\"12\",\"mentions\":[20,30,20]}");
        send("{\"kind\":\"text\",\"text\":\"all of you\",\"mentions\":[\"all\"]}");
        send("{\"kind\":\"edit\",\"target\":\"12\",\"text\":\"fixed\"}");
        send("{\"kind\":\"recall\",\"target\":\"12\"}");
        send("{\"kind\":\"reaction\",\"target\":\"12\",\"emoji\":\"👍🏽\",\"on\":false}");
        send("{\"kind\":\"forward\",\"from\":{\"conversationId\":\"d_10_20\",\"msgId\":\"12\"}}");

        var bodies = org.mockito.ArgumentCaptor.forClass(MessageBody.class);
        verify(forwarder, org.mockito.Mockito.times(6)).send(eq(session), any(), eq("c1"), bodies.capture());
        assertThat(bodies.getAllValues())
                .containsExactly(
                        MessageBody.text("hi", MessageBody.ReplyTo.of("12"), Mentions.of(List.of(20L, 30L))),
                        MessageBody.text("all of you", null, Mentions.everyone()),
                        MessageBody.edit("12", "fixed"),
                        MessageBody.recall("12"),
                        MessageBody.reaction("12", "👍🏽", false),
                        MessageBody.forward(new MessageBody.ForwardSource("d_10_20", "12")));
        assertThat(sent).isEmpty();
    }

    @Test
    void badLifecycleFields_areRefusedByName_andNothingGoesOn() {
        // more invalid frames than the default budget lets through before closing
        when(session.budget())
                .thenReturn(new SendBudget(100, 20, Duration.ofSeconds(10).toNanos(), 100));
        send("{\"kind\":\"poll\"}");
        assertThat(lastError().get("code").asString()).isEqualTo("invalid_field");
        send("{\"kind\":\"edit\",\"text\":\"x\"}");
        assertThat(lastError().get("message").asString()).contains("body.target");
        send("{\"kind\":\"recall\",\"target\":\"12abc\"}");
        assertThat(lastError().get("code").asString()).isEqualTo("invalid_field");
        send("{\"kind\":\"reaction\",\"target\":\"12\",\"emoji\":\"lol\",\"on\":true}");
        assertThat(lastError().get("message").asString()).contains("one emoji");
        send("{\"kind\":\"reaction\",\"target\":\"12\",\"emoji\":\"👍\",\"on\":\"yes\"}");
        assertThat(lastError().get("message").asString()).contains("body.on");
        send("{\"kind\":\"text\",\"text\":\"x\",\"mentions\":[\"all\",20]}");
        assertThat(lastError().get("message").asString()).contains("mentions");
        send("{\"kind\":\"text\",\"text\":\"x\",\"replyTo\":12}");
        assertThat(lastError().get("message").asString()).contains("replyTo");
        send("{\"kind\":\"forward\",\"from\":{\"conversationId\":\"u_10\",\"msgId\":\"12\"}}");
        assertThat(lastError().get("message").asString()).contains("body.from");
        send("{\"kind\":\"edit\",\"target\":\"12\",\"text\":\"" + "x".repeat(21) + "\"}");
        assertThat(lastError().get("code").asString()).isEqualTo("text_too_long");

        verify(forwarder, never()).send(any(), any(), anyString(), any());
    }

    @Test
    void mediaKinds_goOnWithTheirIdAndCaption_andBadOnesAreRefusedByName() {
        when(session.budget())
                .thenReturn(new SendBudget(100, 20, Duration.ofSeconds(10).toNanos(), 100));
        send("{\"kind\":\"image\",\"mediaId\":\"77\",\"caption\":\"my cat\"}");
        send("{\"kind\":\"file\",\"mediaId\":\"78\",\"caption\":\"\",\"contentType\":\"text/html\"}");
        var bodies = org.mockito.ArgumentCaptor.forClass(MessageBody.class);
        verify(forwarder, org.mockito.Mockito.times(2)).send(eq(session), any(), eq("c1"), bodies.capture());
        assertThat(bodies.getAllValues())
                .as("what the client claims of the object is dropped: media-service says what it is")
                .containsExactly(
                        MessageBody.media("image", MediaInfo.of("77"), "my cat"),
                        MessageBody.media("file", MediaInfo.of("78"), null));

        send("{\"kind\":\"video\"}");
        assertThat(lastError().get("code").asString()).isEqualTo("missing_field");
        send("{\"kind\":\"audio\",\"mediaId\":\"../78\"}");
        assertThat(lastError().get("message").asString()).contains("body.mediaId");
        send("{\"kind\":\"image\",\"mediaId\":\"78\",\"caption\":5}");
        assertThat(lastError().get("message").asString()).contains("body.caption");
        send("{\"kind\":\"image\",\"mediaId\":\"78\",\"caption\":\"" + "x".repeat(1001) + "\"}");
        assertThat(lastError().get("code").asString()).isEqualTo("text_too_long");
        verify(forwarder, org.mockito.Mockito.times(2)).send(any(), any(), anyString(), any());
    }

    @Test
    void aStateFrame_saysWhetherTheAppIsInTheForeground_andNothingElseIsAState() {
        receive("{\"type\":\"state\",\"foreground\":false}");
        receive("{\"type\":\"state\",\"foreground\":true}");
        verify(control).foreground(session, false);
        verify(control).foreground(session, true);

        receive("{\"type\":\"state\",\"foreground\":\"no\",\"ref\":\"s1\"}");
        assertThat(lastError().get("message").asString()).contains("foreground");
        assertThat(lastError().get("ref").asString()).isEqualTo("s1");
        verify(control, org.mockito.Mockito.times(2)).foreground(any(), org.mockito.ArgumentMatchers.anyBoolean());
    }
}
