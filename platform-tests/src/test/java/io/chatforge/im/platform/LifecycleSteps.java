package io.chatforge.im.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** Steps of the lifecycle tests: send frames and their answers, history and the conversation list. */
final class LifecycleSteps {
    private LifecycleSteps() {}

    /** Waits (with a deadline) until this machine's clock, which the services share, is past {@code epochMillis}. */
    static void awaitClockPast(long epochMillis) {
        Awaitility.await("the clock to pass " + epochMillis)
                .atMost(Duration.ofMillis(Math.max(0, epochMillis - System.currentTimeMillis()))
                        .plusSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> System.currentTimeMillis() > epochMillis);
    }

    static List<JsonNode> history(ApiClient api, Accounts.Account viewer, String conversation, String query) {
        var answer =
                api.get("/api/conversations/" + conversation + "/messages?limit=200" + query, viewer.accessToken());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        answer.json().get("messages").forEach(out::add);
        return out;
    }

    static JsonNode conversationItem(ApiClient api, Accounts.Account viewer, String conversation) {
        for (JsonNode item : api.get("/api/conversations?size=100", viewer.accessToken())
                .json()
                .get("items")) {
            if (conversation.equals(item.get("conversationId").asString())) {
                return item;
            }
        }
        return null;
    }

    static Map<String, Object> to(Accounts.Account user) {
        return Map.of("userId", user.userId());
    }

    static Map<String, Object> group(long groupId) {
        return Map.of("groupId", groupId);
    }

    static Map<String, Object> text(String text) {
        return Map.of("kind", "text", "text", text);
    }

    static Map<String, Object> reaction(String target, String emoji, boolean on) {
        return Map.of("kind", "reaction", "target", target, "emoji", emoji, "on", on);
    }

    static Map<String, Object> body(String kind, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    /** Sends and waits for the answer to this clientMsgId: its {@code sent} or its {@code error}. */
    static JsonNode answer(WsClient ws, String clientMsgId, Map<String, Object> to, Map<String, Object> body) {
        ws.send(Map.of("type", "send", "clientMsgId", clientMsgId, "to", to, "body", body));
        return ws.await(
                "the answer to " + clientMsgId,
                f -> ("sent".equals(f.path("type").asString())
                                && clientMsgId.equals(f.path("clientMsgId").asString()))
                        || ("error".equals(f.path("type").asString())
                                && clientMsgId.equals(f.path("ref").asString())));
    }

    static JsonNode sent(WsClient ws, String clientMsgId, Map<String, Object> to, Map<String, Object> body) {
        JsonNode answer = answer(ws, clientMsgId, to, body);
        assertThat(answer.path("type").asString()).as(answer.toString()).isEqualTo("sent");
        return answer;
    }

    static JsonNode sentFrame(WsClient ws, String clientMsgId) {
        return ws.frames("sent").stream()
                .filter(f -> clientMsgId.equals(f.path("clientMsgId").asString()))
                .findFirst()
                .orElseThrow();
    }

    static String errorCode(WsClient ws, String clientMsgId, Map<String, Object> to, Map<String, Object> body) {
        JsonNode answer = answer(ws, clientMsgId, to, body);
        assertThat(answer.path("type").asString()).as(answer.toString()).isEqualTo("error");
        return answer.get("code").asString();
    }

    static String msgId(JsonNode sent) {
        return sent.get("msgId").asString();
    }

    static boolean isMsg(JsonNode f, String text) {
        return "msg".equals(f.path("type").asString())
                && text.equals(f.path("body").path("text").asString());
    }

    static boolean isKind(JsonNode f, String kind) {
        return "msg".equals(f.path("type").asString())
                && kind.equals(f.path("body").path("kind").asString());
    }

    static boolean isEvent(JsonNode f, String kind) {
        return "event".equals(f.path("type").asString())
                && kind.equals(f.path("kind").asString());
    }
}
