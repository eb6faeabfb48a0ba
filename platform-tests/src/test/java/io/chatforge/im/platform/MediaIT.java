package io.chatforge.im.platform;

import static io.chatforge.im.platform.LifecycleSteps.*;
import static io.chatforge.im.platform.MediaSteps.*;
import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static io.chatforge.im.platform.MessagingIT.conversationOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Media through the gateway: upload (announce, PUT to the presigned URL, complete), send,
 * receive, download by 302 to a presigned URL on the gateway's own origin, with the bytes
 * compared; who may download; every upload error; and the sweeper.
 */
class MediaIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void aPictureAndAFile_travelFromUploadToDownload_withTheirBytesIntact() {
        var alice = Accounts.registerAndLogin(api, "media");
        var bob = Accounts.registerAndLogin(api, "media");
        Friends.befriend(api, alice, bob);
        byte[] png = png(800, 600);
        byte[] pdf = ("%PDF-1.4 a small report " + "x".repeat(5000)).getBytes(StandardCharsets.US_ASCII);
        try (var a = WsClient.connect(platform, alice.accessToken());
                var b = WsClient.connect(platform, bob.accessToken())) {
            awaitOnline(a, b);
            JsonNode picture = upload(api, alice, "image", "image/png", png, "cat.png");
            assertThat(picture.get("status").asString()).isEqualTo("ready");
            assertThat(picture.get("width").asInt()).isEqualTo(800);
            assertThat(picture.get("height").asInt()).isEqualTo(600);
            assertThat(picture.get("thumbnail").asBoolean()).isTrue();
            String pictureId = picture.get("mediaId").asString();

            sent(a, "m1", to(bob), body("image", "mediaId", pictureId, "caption", "my cat"));
            JsonNode got = b.await("the picture", f -> isKind(f, "image")).get("body");
            assertThat(got.get("mediaId").asString()).isEqualTo(pictureId);
            assertThat(got.get("contentType").asString()).isEqualTo("image/png");
            assertThat(got.get("size").asLong()).isEqualTo(png.length);
            assertThat(got.get("fileName").asString()).isEqualTo("cat.png");
            assertThat(got.get("width").asInt()).isEqualTo(800);
            assertThat(got.get("caption").asString()).isEqualTo("my cat");

            assertThat(download(api, bob, pictureId, false)).isEqualTo(png);
            var thumbnail = picture(download(api, bob, pictureId, true));
            assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(320);
            assertThat(thumbnail.getHeight()).isEqualTo(240);

            var link = link(api, bob, pictureId, false);
            assertThat(link.headers().firstValue("Location").orElseThrow())
                    .as("the URL resolves through the gateway's own origin")
                    .startsWith(platform.gateway.baseUrl() + "/" + platform.mediaBucket + "/");
            var range = fetch(link.headers().firstValue("Location").orElseThrow(), "bytes=0-9");
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.body()).isEqualTo(Arrays.copyOfRange(png, 0, 10));

            JsonNode file = upload(api, alice, "file", "application/pdf", pdf, "../../reports/q3\u202Efdp.exe");
            assertThat(file.get("fileName").asString())
                    .as("no path, no bidi override")
                    .isEqualTo("q3fdp.exe");
            String fileId = file.get("mediaId").asString();
            sent(a, "m2", to(bob), body("file", "mediaId", fileId));
            b.await("the file", f -> isKind(f, "file"));
            var fileLink = link(api, bob, fileId, false);
            var fileGot = fetch(fileLink.headers().firstValue("Location").orElseThrow(), null);
            assertThat(fileGot.body()).isEqualTo(pdf);
            assertThat(fileGot.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment;")
                    .contains("q3fdp.exe");
            assertThat(fileGot.headers().firstValue("Content-Type").orElseThrow())
                    .as("a file is never rendered on the gateway's origin")
                    .isEqualTo("application/octet-stream");

            var history = history(api, bob, conversationOf(alice, bob), "");
            assertThat(history)
                    .extracting(m -> m.get("body").get("kind").asString())
                    .containsExactly("image", "file");
            assertThat(conversationItem(api, bob, conversationOf(alice, bob))
                            .get("unread")
                            .asInt())
                    .isEqualTo(2);
        }
    }

    @Test
    void onlyTheUploaderAndReadersOfAMessageCarryingIt_mayDownload_othersGetTheSame404AsForNothing() {
        var alice = Accounts.registerAndLogin(api, "media");
        var bob = Accounts.registerAndLogin(api, "media");
        var carol = Accounts.registerAndLogin(api, "media");
        Friends.befriend(api, alice, bob);
        Friends.befriend(api, bob, carol);
        String id = pictureId(alice, 40, 30, "dot.png");

        assertThat(link(api, alice, id, false).status()).isEqualTo(302);
        assertThat(link(api, bob, id, false).status()).as("not sent yet").isEqualTo(404);
        var stranger = link(api, carol, id, false);
        var nothing = link(api, carol, "123456789", false);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.problemCode()).isEqualTo(nothing.problemCode()).isEqualTo("media_not_found");

        try (var a = WsClient.connect(platform, alice.accessToken());
                var b = WsClient.connect(platform, bob.accessToken())) {
            awaitOnline(a, b);
            String msg = msgId(sent(a, "p1", to(bob), body("image", "mediaId", id)));
            assertThat(link(api, bob, id, false).status()).isEqualTo(302);
            assertThat(link(api, carol, id, false).status()).isEqualTo(404);
            assertThat(errorCode(b, "p2", to(alice), body("image", "mediaId", id)))
                    .as("bob cannot send alice's upload as his own")
                    .isEqualTo("not_found");

            // a forward carries the object along: carol may read it through bob's forward
            sent(
                    b,
                    "p3",
                    to(carol),
                    body(
                            "forward",
                            "from",
                            java.util.Map.of("conversationId", conversationOf(alice, bob), "msgId", msg)));
            assertThat(link(api, carol, id, false).status()).isEqualTo(302);
        }
    }

    @Test
    void badUploads_getClearErrors_andAnUploadIsBoundToItsSizeTypeAndTime() {
        var alice = Accounts.registerAndLogin(api, "media");
        var bob = Accounts.registerAndLogin(api, "media");
        Friends.befriend(api, alice, bob);

        var tooLarge = announce(api, alice, "image", "image/png", Platform.Limits.MAX_IMAGE_BYTES + 1, "big.png");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.problemCode()).isEqualTo("media_too_large");
        var svg = announce(api, alice, "image", "image/svg+xml", 100, "x.svg");
        assertThat(svg.status()).isEqualTo(415);
        assertThat(svg.problemCode()).isEqualTo("unsupported_media_type");
        var noKind = announce(api, alice, "sticker", "image/png", 100, "x.png");
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.problemCode()).isEqualTo("validation_failed");
        assertThat(announce(api, alice, "file", "text/plain", 0, "empty.txt").status())
                .isEqualTo(400);

        byte[] notAPicture = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        var ticket = announce(api, alice, "image", "image/png", notAPicture.length, "evil.png");
        assertThat(put(ticket.json().get("upload"), notAPicture).statusCode()).isEqualTo(200);
        String evil = ticket.text("mediaId");
        var mismatch = api.post("/api/media/" + evil + "/complete", null, alice.accessToken());
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.problemCode()).isEqualTo("media_content_mismatch");
        assertThat(api.post("/api/media/" + evil + "/complete", null, alice.accessToken())
                        .status())
                .as("the object and its record are gone")
                .isEqualTo(404);

        byte[] png = png(20, 20);
        var bound =
                announce(api, alice, "image", "image/png", png.length, "a.png").json();
        assertThat(put(bound.get("upload"), Arrays.copyOf(png, png.length + 1)).statusCode())
                .as("another length than declared")
                .isEqualTo(403);
        assertThat(put(bound.get("upload"), png, "image/gif").statusCode())
                .as("another content type than declared")
                .isEqualTo(403);
        assertThat(api.post("/api/media/" + bound.get("mediaId").asString() + "/complete", null, alice.accessToken())
                        .problemCode())
                .isEqualTo("upload_missing");
        assertThat(api.post("/api/media/" + bound.get("mediaId").asString() + "/complete", null, bob.accessToken())
                        .status())
                .as("someone else's upload")
                .isEqualTo(404);

        var late = announce(api, alice, "image", "image/png", png.length, "late.png")
                .json();
        awaitClockPast(late.get("expiresAt").asLong() + 1000);
        assertThat(put(late.get("upload"), png).statusCode())
                .as("an expired upload URL")
                .isEqualTo(403);

        long big = 40L * 1024 * 1024;
        assertThat(announce(api, bob, "file", "application/zip", big, "a.zip").status())
                .isEqualTo(201);
        var over = announce(api, bob, "file", "application/zip", big, "b.zip");
        assertThat(over.status()).isEqualTo(403);
        assertThat(over.problemCode()).isEqualTo("quota_exceeded");
    }

    @Test
    void mediaSends_areCheckedByTheConnector_andTheUploadRateIsPerUser() {
        var alice = Accounts.registerAndLogin(api, "media");
        var bob = Accounts.registerAndLogin(api, "media");
        Friends.befriend(api, alice, bob);
        String id = pictureId(alice, 10, 10, "a.png");
        try (var a = WsClient.connect(platform, alice.accessToken())) {
            assertThat(errorCode(a, "s1", to(bob), body("image"))).isEqualTo("missing_field");
            assertThat(errorCode(a, "s2", to(bob), body("image", "mediaId", "../x")))
                    .isEqualTo("invalid_field");
            assertThat(errorCode(a, "s3", to(bob), body("video", "mediaId", id)))
                    .as("sent as another kind than uploaded")
                    .isEqualTo("invalid_field");
            assertThat(errorCode(a, "s4", to(bob), body("image", "mediaId", "987654321")))
                    .isEqualTo("not_found");
        }
        int answered429 = 0;
        for (int i = 0; i < 31 && answered429 == 0; i++) {
            if (announce(api, bob, "file", "text/plain", 10, "n.txt").status() == 429) {
                answered429 = i + 1;
            }
        }
        assertThat(answered429).as("the 31st upload of a minute").isEqualTo(31);
    }

    @Test
    void uploadsNeverSent_andObjectsOnlyARecalledMessageCarried_areSwept() {
        var alice = Accounts.registerAndLogin(api, "media");
        var bob = Accounts.registerAndLogin(api, "media");
        Friends.befriend(api, alice, bob);
        String orphan = pictureId(alice, 10, 10, "o.png");
        String kept = pictureId(alice, 10, 10, "k.png");
        String recalled = pictureId(alice, 10, 10, "r.png");
        try (var a = WsClient.connect(platform, alice.accessToken());
                var b = WsClient.connect(platform, bob.accessToken())) {
            awaitOnline(a, b);
            sent(a, "k1", to(bob), body("image", "mediaId", kept));
            String msg = msgId(sent(a, "r1", to(bob), body("image", "mediaId", recalled)));
            sent(a, "r2", to(bob), body("recall", "target", msg));
            assertThat(link(api, bob, recalled, false).status())
                    .as("a recall takes the reader's access at once")
                    .isEqualTo(404);
        }
        Awaitility.await("the orphan and the recalled object to be swept")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> link(api, alice, orphan, false).status() == 404
                        && link(api, alice, recalled, false).status() == 404);
        assertThat(link(api, alice, kept, false).status()).isEqualTo(302);
        assertThat(link(api, bob, kept, false).status()).isEqualTo(302);
    }

    /** A completed upload of a picture of this size: its media id. */
    private String pictureId(Accounts.Account who, int width, int height, String fileName) {
        return upload(api, who, "image", "image/png", png(width, height), fileName)
                .get("mediaId")
                .asString();
    }
}
