package io.chatforge.im.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The last word on "lost": every receiver asks {@code POST /api/sync} for its conversation from
 * just before the first message it is missing, page after page, and what is still missing after
 * that was acknowledged and never reached its recipient. Over REST, so a socket that is closed
 * or stuck at the end of the run cannot hide a message.
 */
final class FinalSync {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAGE = 200;
    private static final int MAX_PAGES = 1000;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String gateway;

    FinalSync(String gateway) {
        this.gateway = gateway;
    }

    /**
     * Syncs the receivers of {@code missing} (clientMsgIds acknowledged and not pushed) and
     * records what the pages hold in the recorder.
     */
    void run(Set<String> missing, Recorder recorder, Map<Long, BenchConnection> byUser) throws Exception {
        Map<BenchConnection, Map<String, Long>> from = new HashMap<>();
        for (String clientMsgId : missing) {
            Recorder.Stored stored = recorder.stored.get(clientMsgId);
            BenchConnection sender = byUser.get(senderOf(clientMsgId));
            if (stored == null || sender == null) {
                continue;
            }
            BenchConnection receiver = byUser.get(sender.peer);
            from.computeIfAbsent(receiver, r -> new HashMap<>())
                    .merge(stored.conversationId(), Math.max(0, stored.seq() - 1), Math::min);
        }
        for (var e : from.entrySet()) {
            syncFrom(e.getKey(), e.getValue(), recorder);
        }
    }

    private void syncFrom(BenchConnection receiver, Map<String, Long> cursors, Recorder recorder) throws Exception {
        ObjectNode request = JSON.createObjectNode();
        request.set("cursors", JSON.valueToTree(cursors));
        request.put("limit", PAGE);
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/api/sync"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + receiver.user.token())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("final sync of user " + receiver.user.id() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            recorder.synced(body, receiver.user.id());
            if (!body.path("hasMore").asBoolean()) {
                return;
            }
            request.set("cursors", body.get("cursors"));
        }
    }

    /** Bench clientMsgIds are {@code <senderId>-<run>-<n>}. */
    static long senderOf(String clientMsgId) {
        return Long.parseLong(clientMsgId.substring(0, clientMsgId.indexOf('-')));
    }

    /** The named messages: id, conversation, seq and whether the sender had its {@code sent}. */
    static List<Map<String, Object>> describe(Iterable<String> clientMsgIds, Recorder recorder, int atMost) {
        List<Map<String, Object>> named = new ArrayList<>();
        for (String clientMsgId : clientMsgIds) {
            if (named.size() == atMost) {
                break;
            }
            Recorder.Stored stored = recorder.stored.get(clientMsgId);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clientMsgId", clientMsgId);
            m.put("acknowledged", stored != null);
            if (stored != null) {
                m.put("msgId", stored.msgId());
                m.put("conversationId", stored.conversationId());
                m.put("seq", stored.seq());
            }
            m.put("pushed", recorder.deliveredByPush.contains(clientMsgId));
            named.add(m);
        }
        return named;
    }
}
