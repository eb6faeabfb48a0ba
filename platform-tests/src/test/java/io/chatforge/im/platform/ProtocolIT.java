package io.chatforge.im.platform;

import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The WebSocket protocol's edges: handshake checks, bad frames answered with error frames (the
 * session stays open), refusals of message-service, flooding, heartbeats and replaced sessions.
 */
class ProtocolIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void handshake_needsAValidToken_inTheQueryOrAsSubprotocol() {
        var user = Accounts.registerAndLogin(api, "hand");
        for (String bad : new String[] {
            "garbage",
            ForgedTokens.expired(platform.devKeyFile, user.userId()),
            ForgedTokens.signedByStranger(user.userId())
        }) {
            assertThatThrownBy(() -> WsClient.connect(platform, bad))
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause())
                                    .getResponse()
                                    .statusCode())
                            .isEqualTo(401));
        }
        try (var browserStyle = WsClient.connectWithSubprotocol(platform, user.accessToken())) {
            assertThat(browserStyle.subprotocol()).isEqualTo("im.v1");
            awaitOnline(browserStyle);
        }
        api.post("/api/auth/logout", null, user.accessToken());
        assertThatThrownBy(() -> WsClient.connect(platform, user.accessToken()))
                .as("a logged-out session cannot connect")
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
    }

    @Test
    void badFrames_getErrorFrames_andTheSessionStaysOpen() {
        var alice = Accounts.registerAndLogin(api, "frames");
        var bob = Accounts.registerAndLogin(api, "frames");
        Friends.befriend(api, alice, bob);
        try (var ws = WsClient.connect(platform, alice.accessToken())) {
            awaitOnline(ws);
            ws.sendText("{not json");
            expectError(ws, "malformed_frame", null);
            ws.sendText("[1,2,3]");
            ws.send(Map.of("type", "teleport", "ref", "t-1"));
            expectError(ws, "unknown_type", "t-1");
            ws.send(Map.of("ref", "no-type"));
            expectError(ws, "missing_field", "no-type");
            ws.send(Map.of(
                    "type", "send", "to", Map.of("userId", bob.userId()), "body", Map.of("kind", "text", "text", "x")));
            expectError(ws, "missing_field", "send");
            ws.send(Map.of("type", "send", "clientMsgId", "c-body", "to", Map.of("userId", bob.userId())));
            expectError(ws, "missing_field", "c-body");
            ws.send(Map.of(
                    "type",
                    "send",
                    "clientMsgId",
                    "c-to",
                    "to",
                    Map.of("userId", "bob"),
                    "body",
                    Map.of("kind", "text", "text", "x")));
            expectError(ws, "invalid_field", "c-to");
            ws.sendMessage("c-long", bob.userId(), "y".repeat(4097));
            expectError(ws, "text_too_long", "c-long");
            ws.sendMessage("c-self", alice.userId(), "me");
            expectError(ws, "invalid_field", "c-self");
            ws.sendText("{\"type\":\"send\",\"clientMsgId\":\"c-huge\",\"pad\":\"" + "z".repeat(20_000) + "\"}");
            expectError(ws, "frame_too_large", null);
            ws.send(Map.of("type", "read", "conversationId", "d_1_2", "seq", 1, "ref", "r-1"));
            expectError(ws, "not_a_member", "r-1");
            ws.send(Map.of("type", "read", "conversationId", "nonsense", "seq", 1, "ref", "r-2"));
            expectError(ws, "invalid_field", "r-2");
            ws.send(Map.of("type", "sync", "limit", 100000, "ref", "s-1"));
            expectError(ws, "invalid_field", "s-1");

            ws.sendMessage("after-all-that", bob.userId(), "still here ✅");
            ws.await("sent", f -> "sent".equals(f.path("type").asString()));
            assertThat(ws.isClosed()).isFalse();
            assertThat(ws.frames("sent")).as("none of the bad sends was stored").hasSize(1);
        }
    }

    @Test
    void sendsThatMessageServiceRefuses_getAnErrorAndNoSent() {
        var alice = Accounts.registerAndLogin(api, "refused");
        var stranger = Accounts.registerAndLogin(api, "stranger");
        var blocker = Accounts.registerAndLogin(api, "blocker");
        Friends.befriend(api, alice, blocker);
        api.post("/api/friends/blocks/" + alice.userId(), null, blocker.accessToken());
        try (var ws = WsClient.connect(platform, alice.accessToken());
                var blockerWs = WsClient.connect(platform, blocker.accessToken())) {
            awaitOnline(ws, blockerWs);
            ws.sendMessage("to-stranger", stranger.userId(), "hi?");
            expectError(ws, "not_friends", "to-stranger");
            ws.sendMessage("to-blocker", blocker.userId(), "hi?");
            expectError(ws, "blocked", "to-blocker");
            blockerWs.sendMessage("from-blocker", alice.userId(), "hi?");
            JsonNode error = expectError(blockerWs, "blocked", "from-blocker");
            assertThat(error.get("message").asString()).isEqualTo("you cannot message this user");
            assertThat(ws.frames("sent")).isEmpty();
            assertThat(blockerWs.frames("sent")).isEmpty();
            assertThat(ws.frames("msg")).isEmpty();
        }
    }

    @Test
    void aFloodingClient_isDisconnected_andOthersAreNot() {
        var flooder = Accounts.registerAndLogin(api, "flood");
        var target = Accounts.registerAndLogin(api, "target");
        var bystander = Accounts.registerAndLogin(api, "calm");
        try (var flood = WsClient.connectDirect(platform.connectorA, flooder.accessToken());
                var calm = WsClient.connectDirect(platform.connectorA, bystander.accessToken())) {
            awaitOnline(flood, calm);
            try {
                for (int i = 0; i < 3 * Platform.Limits.SENDS_PER_SECOND && !flood.isClosed(); i++) {
                    flood.sendMessage("f-" + i, target.userId(), "spam");
                }
            } catch (CompletionException closedWhileSending) {
                // the server closed the connection under our feet: expected
            }
            assertThat(flood.awaitClose(Duration.ofSeconds(10))).isEqualTo(1008);
            assertThat(flood.frames("error"))
                    .anySatisfy(e -> assertThat(e.get("code").asString()).isEqualTo("rate_limited"));
            awaitOnline(calm);
            assertThat(calm.isClosed()).isFalse();
        }
    }

    @Test
    void aStreamOfInvalidFrames_isClosed_afterAFewErrors() {
        var user = Accounts.registerAndLogin(api, "garbage");
        try (var junk = WsClient.connectDirect(platform.connectorA, user.accessToken())) {
            awaitOnline(junk);
            // one at a time, each after the previous answer: no write races the server's close
            for (int i = 1; i <= Platform.Limits.INVALID_FRAMES + 1 && !junk.isClosed(); i++) {
                junk.sendText("{not json " + i);
                int answered = i;
                Awaitility.await("answer to invalid frame " + i)
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> junk.isClosed() || junk.frames("error").size() >= answered);
            }
            assertThat(junk.awaitClose(Duration.ofSeconds(10))).isEqualTo(1008);
            assertThat(junk.frames("error"))
                    .as("errors answered before the close")
                    .hasSizeBetween(Platform.Limits.INVALID_FRAMES, Platform.Limits.INVALID_FRAMES + 1);
        }
    }

    @Test
    void pingsCountAgainstTheBudget_andAPingFloodIsClosed() {
        var user = Accounts.registerAndLogin(api, "pinger");
        try (var pinger = WsClient.connectDirect(platform.connectorA, user.accessToken())) {
            awaitOnline(pinger);
            try {
                // as fast as it reads the answers (at most 500 unanswered), so its own outbound queue never fills;
                // once the budget is spent, one ping per answer, so that no write races the server's close
                for (int sent = 0; sent < 40_000 && !pinger.isClosed(); ) {
                    int burst = pinger.frames("error").isEmpty() ? 500 : 1;
                    for (int i = 0; i < burst; i++, sent++) {
                        pinger.sendText("{\"type\":\"ping\"}");
                    }
                    int answered = sent;
                    Awaitility.await()
                            .atMost(Duration.ofSeconds(10))
                            .until(() ->
                                    pinger.isClosed() || pinger.frames().size() >= answered - (burst == 1 ? 0 : 500));
                }
            } catch (CompletionException closedWhileSending) {
                // expected
            }
            assertThat(pinger.awaitClose(Duration.ofSeconds(10))).isEqualTo(1008);
            assertThat(pinger.frames("error"))
                    .as("pings are charged: the budget runs out")
                    .anySatisfy(e -> assertThat(e.get("code").asString()).isEqualTo("rate_limited"));
        }
    }

    @Test
    void aSilentConnection_isClosedAfterTheIdleTimeout() {
        var user = Accounts.registerAndLogin(api, "silent");
        try (var silent = WsClient.connect(platform, user.accessToken()).withoutHeartbeat()) {
            awaitOnline(silent);
            JsonNode pong =
                    silent.await("pong", f -> "pong".equals(f.path("type").asString()));
            assertThat(pong.get("idleTimeoutMs").asLong())
                    .as("the pong tells clients how often to ping")
                    .isEqualTo(6000);
            assertThat(silent.awaitClose(Duration.ofSeconds(20))).isEqualTo(1001);
        }
    }

    @Test
    void theSameDeviceConnectingAgain_replacesTheOldSession_onTheSameOrAnotherPod() {
        var user = Accounts.registerAndLogin(api, "twice");
        try (var first = WsClient.connectDirect(platform.connectorA, user.accessToken())) {
            awaitOnline(first);
            try (var second = WsClient.connectDirect(platform.connectorA, user.accessToken())) {
                JsonNode kicked =
                        first.await("kicked", f -> "event".equals(f.path("type").asString()));
                assertThat(kicked.get("kind").asString()).isEqualTo("kicked");
                assertThat(first.awaitClose(Duration.ofSeconds(10))).isEqualTo(4001);
                awaitOnline(second);
                try (var third = WsClient.connectDirect(platform.connectorB, user.accessToken())) {
                    second.await("kicked across pods", f -> "kicked"
                            .equals(f.path("kind").asString()));
                    assertThat(second.awaitClose(Duration.ofSeconds(10))).isEqualTo(4001);
                    awaitOnline(third);
                }
            }
        }
    }

    private static JsonNode expectError(WsClient ws, String code, String ref) {
        return ws.await(
                "error " + code,
                f -> "error".equals(f.path("type").asString())
                        && code.equals(f.path("code").asString())
                        && (ref == null || ref.equals(f.path("ref").asString())));
    }
}
