package io.chatforge.im.push.fcm;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.push.content.Notification;
import io.chatforge.im.push.device.Registration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FcmProviderTest {

    @Test
    void theMessage_carriesThePayloadAsStringData_aNotification_andCollapsesPerConversation() {
        var registration = new Registration(6, "android-1", "fcm", "tok", null, null, null, true, null, 0);
        var n = new Notification("msg", "d_5_6", "99", 4, 5, "Alice", "hi", 3);

        @SuppressWarnings("unchecked")
        Map<String, Object> message =
                (Map<String, Object>) FcmProvider.message(registration, n).get("message");

        assertThat(message.get("token")).isEqualTo("tok");
        assertThat(message.get("data"))
                .isEqualTo(Map.of(
                        "type",
                        "msg",
                        "conversationId",
                        "d_5_6",
                        "msgId",
                        "99",
                        "seq",
                        "4",
                        "fromUserId",
                        "5",
                        "title",
                        "Alice",
                        "body",
                        "hi",
                        "badge",
                        "3"));
        assertThat(message.get("notification")).isEqualTo(Map.of("title", "Alice", "body", "hi"));
        @SuppressWarnings("unchecked")
        Map<String, Object> android = (Map<String, Object>) message.get("android");
        assertThat(android.get("collapse_key")).isEqualTo("d_5_6");
        assertThat(((Map<?, ?>) android.get("notification")).get("tag")).isEqualTo("d_5_6");
    }
}
