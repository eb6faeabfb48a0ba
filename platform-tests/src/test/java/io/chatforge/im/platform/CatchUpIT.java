package io.chatforge.im.platform;

import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.contracts.frame.FrameBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A device that comes back far behind: thousands of long messages with 3- and 4-byte characters in
 * many conversations. It syncs through the gateway as the SDK does by default ({@code limit} 200,
 * no {@code maxBytes}) and must get every one: pages are cut by bytes, so no frame is larger than a
 * hop relays, and the connection stays open (it used to close on every page over 64 KiB and loop).
 */
class CatchUpIT {
    private static final int CONVERSATIONS = 20;
    private static final int PER_CONVERSATION = 250;
    private static final int TEXT_CODE_POINTS = 4096;
    /** the SDK's default */
    private static final int SYNC_LIMIT = 200;

    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void aDevice5000MessagesBehindIn20Conversations_catchesUpThroughTheGatewayWithTheSdkDefaults() {
        var receiver = Accounts.registerAndLogin(api, "behind");
        Map<String, List<String>> sentTexts = new HashMap<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            var sender = Accounts.registerAndLogin(api, "chatty");
            Friends.befriend(api, sender, receiver);
            try (var ws = WsClient.connect(platform, sender.accessToken())) {
                awaitOnline(ws);
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < PER_CONVERSATION; i++) {
                    String text = longText(c, i);
                    texts.add(text);
                    ws.sendMessage("c" + c + "-" + i, receiver.userId(), text);
                }
                List<JsonNode> sent = ws.awaitCount("sent", PER_CONVERSATION, Duration.ofSeconds(120));
                assertThat(ws.frames("error")).as("refusals").isEmpty();
                sentTexts.put(sent.get(0).get("conversationId").asString(), texts);
            }
        }

        try (var device = WsClient.connect(platform, receiver.accessToken())) {
            awaitOnline(device);
            Map<String, List<String>> received = new HashMap<>();
            Map<String, Object> cursors = new HashMap<>();
            int pages = 0;
            for (boolean more = true; more; pages++) {
                assertThat(pages).as("pages").isLessThan(2_000);
                String ref = "catch-up-" + pages;
                try {
                    device.send(Map.of("type", "sync", "ref", ref, "cursors", cursors, "limit", SYNC_LIMIT));
                } catch (CompletionException closed) {
                    throw new AssertionError(
                            "the connection closed during the catch-up, after " + pages + " pages", closed);
                }
                JsonNode page = device.await(ref, f -> ref.equals(f.path("ref").asString()), Duration.ofSeconds(20));
                assertThat(page.path("type").asString())
                        .as("answer to %s: %s", ref, page)
                        .isEqualTo("sync.page");
                JsonNode messages = page.get("messages");
                assertThat(messages.size()).isBetween(1, SYNC_LIMIT);
                if (messages.size() > 1) {
                    assertThat(ApiClient.JSON.writeValueAsBytes(page).length)
                            .as("a page of several messages stays within the page budget")
                            .isLessThanOrEqualTo(FrameBudget.PAGE_BYTES);
                }
                for (JsonNode m : messages) {
                    received.computeIfAbsent(m.get("conversationId").asString(), k -> new ArrayList<>())
                            .add(m.get("body").get("text").asString());
                }
                cursors = ApiClient.JSON.convertValue(page.get("cursors"), Map.class);
                more = page.get("hasMore").asBoolean();
            }
            assertThat(device.isClosed()).as("connection still open").isFalse();
            assertThat(device.largestFrameBytes())
                    .as("no frame larger than every hop relays")
                    .isLessThanOrEqualTo(FrameBudget.RELAYED_FRAME_BYTES);
            assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(sentTexts.keySet());
            sentTexts.forEach((conversation, texts) -> assertThat(received.get(conversation))
                    .as("conversation %s: every message once, in order, intact", conversation)
                    .containsExactlyElementsOf(texts));
            // by count alone this would have been 25 pages; by bytes, each holds about 27 of these messages
            assertThat(pages).isGreaterThan(CONVERSATIONS * PER_CONVERSATION / SYNC_LIMIT);
        }
    }

    /**
     * 4,096 code points: ASCII, CJK (3 bytes in UTF-8) and emoji (4 bytes, a surrogate pair in
     * Java), about 9 KiB, so that the send frame fits the default 16 KiB client frame limit.
     */
    static String longText(int conversation, int index) {
        String prefix = "c" + conversation + "#" + index + " ";
        int[] alphabet = {'a', 0x4E2D, 0x1F600, 'z', 0x6587, 0x1F680, ' ', 0xD55C};
        StringBuilder text = new StringBuilder(prefix);
        for (int i = prefix.length(); i < TEXT_CODE_POINTS; i++) {
            text.appendCodePoint(alphabet[(i + index) % alphabet.length]);
        }
        return text.toString();
    }
}
