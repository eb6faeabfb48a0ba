package io.chatforge.im.platform;

import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A dependency that hangs (SIGSTOP: it keeps its connections but answers nothing) stalls nothing
 * else: every call to it gives up within its timeout, the inbound consumer goes on with what does
 * not need it, and everything resumes by itself once it answers again.
 */
class DependencyStallIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void aFrozenFriendService_failsUncheckableSendsFast_whileGroupSendsFlow_andSendingResumesAfterwards() {
        var alice = Accounts.registerAndLogin(api, "frozen");
        var bob = Accounts.registerAndLogin(api, "frozen");
        var carol = Accounts.registerAndLogin(api, "frozen");
        var dave = Accounts.registerAndLogin(api, "frozen");
        Friends.befriend(api, alice, bob);
        Friends.befriend(api, alice, carol);
        Friends.befriend(api, alice, dave);
        var group = api.post(
                "/api/groups",
                Map.of("name", "flowing", "memberIds", List.of(bob.userId(), carol.userId())),
                alice.accessToken());
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        long groupId = group.json().get("groupId").asLong();

        try (var ws = WsClient.connect(platform, alice.accessToken())) {
            awaitOnline(ws);
            platform.friend.pause();
            try {
                // alice and dave never wrote to each other: message-service has no answer to fall back on
                String direct = UUID.randomUUID().toString();
                ws.sendMessage(direct, dave.userId(), "are you there?");
                JsonNode refusal = ws.await(
                        "a retryable refusal",
                        f -> "error".equals(f.path("type").asString())
                                && direct.equals(f.path("ref").asString()),
                        Duration.ofSeconds(5));
                assertThat(refusal.get("code").asString()).isEqualTo("temporarily_unavailable");

                for (int i = 0; i < 5; i++) {
                    String id = "flow-" + i + "-" + UUID.randomUUID();
                    ws.send(GroupsIT.groupSend(id, groupId, "still flowing " + i));
                    ws.await(
                            "sent of a group message while friend-service is frozen",
                            f -> "sent".equals(f.path("type").asString())
                                    && id.equals(f.path("clientMsgId").asString()),
                            Duration.ofSeconds(5));
                }
            } finally {
                platform.friend.resume();
            }
            String retry = UUID.randomUUID().toString();
            Awaitility.await("sending to dave resumes")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        ws.sendMessage(retry, dave.userId(), "now?");
                        return ws.frames("sent").stream()
                                .anyMatch(s -> retry.equals(s.get("clientMsgId").asString()));
                    });
        }
    }
}
