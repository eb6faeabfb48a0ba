package io.chatforge.im.platform;

import static io.chatforge.im.platform.LifecycleSteps.*;
import static io.chatforge.im.platform.MessagingIT.awaitOnline;
import static io.chatforge.im.platform.MessagingIT.conversationOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Web Push through the whole platform: a device registers a subscription on a local push service
 * (loopback is allowed in the dev profile), a friend writes while it is offline, and the push
 * service receives exactly one request per message whose body decrypts with the subscription's
 * keys, signed with the server's VAPID key. Online devices and muted chats (but for mentions) get
 * none; a 410 removes the registration; a 503 is retried and delivered once.
 */
class PushIT {
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();
    private final FakePushService pushService = platform.pushServices;

    @Test
    void anOfflineFriend_getsExactlyOneEncryptedSignedPushPerMessage_andAnOnlineOneNone() throws Exception {
        var alice = Accounts.registerAndLogin(api, "push");
        var bob = Accounts.registerAndLogin(api, "push");
        Friends.befriend(api, alice, bob);
        api.patch("/api/users/me", Map.of("nickname", "Alice 🌷"), alice.accessToken());
        var subscriber = new WebPushSubscriber();
        String path = "/push/" + bob.userId();
        register(bob, pushService.endpoint(path), subscriber);

        String publicKey =
                api.get("/api/push/webpush/public-key", bob.accessToken()).text("publicKey");
        try (var a = WsClient.connect(platform, alice.accessToken())) {
            awaitOnline(a);
            String msgId = msgId(sent(a, "p1", to(bob), text("are you there?")));
            var push = awaitPushes(path, 1).get(0);

            JsonNode payload = ApiClient.JSON.readTree(subscriber.decrypt(push.body()));
            assertThat(payload.get("type").asString()).isEqualTo("msg");
            assertThat(payload.get("conversationId").asString()).isEqualTo(conversationOf(alice, bob));
            assertThat(payload.get("msgId").asString()).isEqualTo(msgId);
            assertThat(payload.get("seq").asLong()).isEqualTo(1);
            assertThat(payload.get("fromUserId").asLong()).isEqualTo(alice.userId());
            assertThat(payload.get("title").asString()).isEqualTo("Alice 🌷");
            assertThat(payload.get("body").asString()).isEqualTo("are you there?");
            assertThat(payload.get("badge").asLong()).isEqualTo(1);
            assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
            assertThat(push.header("Topic")).isEqualTo(conversationOf(alice, bob));
            assertThat(push.header("TTL")).isNotNull();
            assertVapid(push, publicKey, pushService.endpoint(""));

            // alice takes it back: the push service gets a recall of that message, which replaces its notification
            sent(a, "p1r", to(bob), body("recall", "target", msgId));
            var recall = awaitPushes(path, 2).get(1);
            JsonNode taken = ApiClient.JSON.readTree(subscriber.decrypt(recall.body()));
            assertThat(taken.get("type").asString()).isEqualTo("recall");
            assertThat(taken.get("msgId").asString()).isEqualTo(msgId);
            assertThat(taken.get("body").asString()).isEqualTo("This message was recalled");
            assertThat(recall.header("Topic")).isEqualTo(conversationOf(alice, bob));

            // bob comes online: nothing more is pushed, and the first push was not repeated
            try (var b = WsClient.connect(platform, bob.accessToken())) {
                awaitOnline(b);
                sent(a, "p2", to(bob), text("oh, hi"));
                b.await("the text", f -> isMsg(f, "oh, hi"));
                assertNoMorePushes(path, 2);
            }
        }
    }

    @Test
    void aConnectedDevice_getsPushesOnlyWhileItsAppIsInTheBackground_andAnotherOfflineDeviceGetsThemAnyway()
            throws Exception {
        var alice = Accounts.registerAndLogin(api, "push");
        var bob = Accounts.registerAndLogin(api, "push");
        Friends.befriend(api, alice, bob);
        var bobTablet = Accounts.login(api, bob.username(), Accounts.PASSWORD, "tablet-1");
        String phone = "/push/phone-" + bob.userId();
        String tablet = "/push/tablet-" + bob.userId();
        register(bob, pushService.endpoint(phone), new WebPushSubscriber());
        var registered = api.send(
                "PUT",
                "/api/push/devices/tablet-1",
                subscription(pushService.endpoint(tablet), new WebPushSubscriber()),
                bobTablet.accessToken(),
                Map.of());
        assertThat(registered.status()).isEqualTo(200);
        try (var a = WsClient.connect(platform, alice.accessToken());
                var b = WsClient.connect(platform, bob.accessToken())) {
            awaitOnline(a, b);
            sent(a, "s1", to(bob), text("you are here"));
            b.await("the text", f -> isMsg(f, "you are here"));
            awaitPushes(tablet, 1); // the tablet is not connected: it is told
            assertNoMorePushes(phone, 0);

            b.send(Map.of("type", "state", "foreground", false));
            awaitOnline(b); // the state frame is handled before the ping after it
            sent(a, "s2", to(bob), text("you went away"));
            awaitPushes(phone, 1);
            awaitPushes(tablet, 2);

            b.send(Map.of("type", "state", "foreground", true));
            awaitOnline(b);
            sent(a, "s3", to(bob), text("welcome back"));
            b.await("the text", f -> isMsg(f, "welcome back"));
            awaitPushes(tablet, 3);
            assertNoMorePushes(phone, 1);
        }
    }

    @Test
    void aGroupMessage_isPushedToEachMemberWithRegistrations_titledWithTheGroup() throws Exception {
        var alice = Accounts.registerAndLogin(api, "push");
        var bob = Accounts.registerAndLogin(api, "push");
        var carol = Accounts.registerAndLogin(api, "push");
        Friends.befriend(api, alice, bob);
        Friends.befriend(api, alice, carol);
        api.patch("/api/users/me", Map.of("nickname", "Alice"), alice.accessToken());
        long groupId = Groups.create(api, alice, List.of(bob.userId(), carol.userId()));
        String path = "/push/group-" + bob.userId();
        var subscriber = new WebPushSubscriber();
        register(bob, pushService.endpoint(path), subscriber);
        try (var a = WsClient.connect(platform, alice.accessToken())) {
            awaitOnline(a);
            sent(a, "g1", group(groupId), text("hi all"));

            JsonNode payload = ApiClient.JSON.readTree(
                    subscriber.decrypt(awaitPushes(path, 1).get(0).body()));
            assertThat(payload.get("conversationId").asString()).isEqualTo("g_" + groupId);
            assertThat(payload.get("title").asString()).isEqualTo("group");
            assertThat(payload.get("body").asString()).isEqualTo("Alice: hi all");
            assertNoMorePushes(path, 1);
        }
    }

    @Test
    void aMutedChat_isQuiet_butAMentionStillComesThrough() throws Exception {
        var alice = Accounts.registerAndLogin(api, "push");
        var bob = Accounts.registerAndLogin(api, "push");
        Friends.befriend(api, alice, bob);
        String path = "/push/muted-" + bob.userId();
        var subscriber = new WebPushSubscriber();
        register(bob, pushService.endpoint(path), subscriber);
        try (var a = WsClient.connect(platform, alice.accessToken())) {
            awaitOnline(a);
            sent(a, "m0", to(bob), text("first"));
            awaitPushes(path, 1);
            var muted = api.patch(
                    "/api/conversations/" + conversationOf(alice, bob) + "/settings",
                    Map.of("muted", true),
                    bob.accessToken());
            assertThat(muted.status()).as(muted.toString()).isEqualTo(200);

            sent(a, "m1", to(bob), text("just chatting"));
            assertNoMorePushes(path, 1);
            sent(a, "m2", to(bob), body("text", "text", "@bob look", "mentions", List.of(bob.userId())));
            var pushes = awaitPushes(path, 2);
            assertThat(ApiClient.JSON
                            .readTree(subscriber.decrypt(pushes.get(1).body()))
                            .get("body")
                            .asString())
                    .isEqualTo("@bob look");
        }
    }

    @Test
    void aGoneSubscription_isRemoved_andAnOverloadedPushService_getsThePushOnceAfterRetries() {
        var alice = Accounts.registerAndLogin(api, "push");
        var bob = Accounts.registerAndLogin(api, "push");
        var carol = Accounts.registerAndLogin(api, "push");
        Friends.befriend(api, alice, bob);
        Friends.befriend(api, alice, carol);
        String gone = "/push/gone-" + bob.userId();
        String busy = "/push/busy-" + carol.userId();
        pushService.answer(gone, 410);
        pushService.answer(busy, 503, 503);
        register(bob, pushService.endpoint(gone), new WebPushSubscriber());
        register(carol, pushService.endpoint(busy), new WebPushSubscriber());
        try (var a = WsClient.connect(platform, alice.accessToken())) {
            awaitOnline(a);
            sent(a, "g1", to(bob), text("hello?"));
            sent(a, "b1", to(carol), text("hello!"));

            Awaitility.await("bob's registration to be removed")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> api.get("/api/push/devices", bob.accessToken())
                            .json()
                            .isEmpty());
            var attempts = awaitPushes(busy, 3);
            assertThat(attempts).extracting(FakePushService.Received::answered).containsExactly(503, 503, 201);
            assertNoMorePushes(busy, 3);
        }
    }

    @Test
    void registrations_areForTheCallersOwnDevice_andOnlyToAllowedPushServices() {
        var bob = Accounts.registerAndLogin(api, "push");
        var subscriber = new WebPushSubscriber();

        var other = api.send(
                "PUT",
                "/api/push/devices/someone-elses",
                subscription(pushService.endpoint("/x"), subscriber),
                bob.accessToken(),
                Map.of());
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.problemCode()).isEqualTo("not_your_device");
        for (String endpoint :
                List.of("http://10.0.0.7/push", "https://evil.example/push", "http://169.254.169.254/latest")) {
            var refused = api.send(
                    "PUT",
                    "/api/push/devices/device-1",
                    subscription(endpoint, subscriber),
                    bob.accessToken(),
                    Map.of());
            assertThat(refused.status()).as(endpoint).isEqualTo(400);
            assertThat(refused.problemCode()).isEqualTo("endpoint_not_allowed");
        }
        var token =
                api.send("PUT", "/api/push/devices/device-1", Map.of("provider", "fcm"), bob.accessToken(), Map.of());
        assertThat(token.problemCode()).isEqualTo("validation_failed");

        register(bob, pushService.endpoint("/x"), subscriber);
        JsonNode mine = api.get("/api/push/devices", bob.accessToken()).json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("provider").asString()).isEqualTo("webpush");
        assertThat(mine.get(0).toString()).as("no keys or tokens echoed").doesNotContain(subscriber.auth());
        assertThat(api.delete("/api/push/devices/device-1", bob.accessToken()).status())
                .isEqualTo(204);
        assertThat(api.delete("/api/push/devices/device-1", bob.accessToken()).status())
                .isEqualTo(404);
    }

    private void register(Accounts.Account who, String endpoint, WebPushSubscriber subscriber) {
        var answer = api.send(
                "PUT", "/api/push/devices/device-1", subscription(endpoint, subscriber), who.accessToken(), Map.of());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    private static Map<String, Object> subscription(String endpoint, WebPushSubscriber subscriber) {
        return Map.of(
                "provider",
                "webpush",
                "subscription",
                Map.of("endpoint", endpoint, "keys", Map.of("p256dh", subscriber.p256dh(), "auth", subscriber.auth())));
    }

    @Test
    void fcmAndApnsDevices_getTheSamePushInTheirOwnShape_andUnregisteredTokensAreRemoved() throws Exception {
        var alice = Accounts.registerAndLogin(api, "push");
        var bob = Accounts.registerAndLogin(api, "push");
        var carol = Accounts.registerAndLogin(api, "push");
        Friends.befriend(api, alice, bob);
        Friends.befriend(api, alice, carol);
        api.patch("/api/users/me", Map.of("nickname", "Alice"), alice.accessToken());
        String fcmToken = "fcm-" + bob.userId() + "-token";
        String apnsToken = "apns" + carol.userId() + "token";
        var bobPhone = Accounts.login(api, bob.username(), Accounts.PASSWORD, "android-1");
        var carolPhone = Accounts.login(api, carol.username(), Accounts.PASSWORD, "iphone-1");
        assertThat(api.send(
                                "PUT",
                                "/api/push/devices/android-1",
                                Map.of("provider", "fcm", "token", fcmToken),
                                bobPhone.accessToken(),
                                Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(api.send(
                                "PUT",
                                "/api/push/devices/iphone-1",
                                Map.of("provider", "apns", "token", apnsToken, "preview", false),
                                carolPhone.accessToken(),
                                Map.of())
                        .status())
                .isEqualTo(200);
        try (var a = WsClient.connect(platform, alice.accessToken())) {
            awaitOnline(a);
            String toBob = msgId(sent(a, "f1", to(bob), text("over FCM")));
            sent(a, "a1", to(carol), text("over APNs"));

            var fcm = awaitContaining(fcmToken, 1).get(0);
            assertThat(fcm.path()).isEqualTo("/v1/projects/" + PushCredentials.FCM_PROJECT + "/messages:send");
            assertThat(fcm.header("Authorization")).isEqualTo("Bearer " + FakePushService.FCM_ACCESS_TOKEN);
            JsonNode message = ApiClient.JSON.readTree(fcm.body()).get("message");
            assertThat(message.get("token").asString()).isEqualTo(fcmToken);
            assertThat(message.get("data").get("msgId").asString()).isEqualTo(toBob);
            assertThat(message.get("data").get("conversationId").asString()).isEqualTo(conversationOf(alice, bob));
            assertThat(message.get("notification").get("title").asString()).isEqualTo("Alice");
            assertThat(message.get("notification").get("body").asString()).isEqualTo("over FCM");
            assertThat(message.get("android").get("collapse_key").asString()).isEqualTo(conversationOf(alice, bob));

            var apns = awaitContaining(apnsToken, 1).get(0);
            assertThat(apns.path()).isEqualTo("/3/device/" + apnsToken);
            assertThat(apns.header("apns-topic")).isEqualTo(PushCredentials.APNS_TOPIC);
            assertThat(apns.header("apns-push-type")).isEqualTo("alert");
            assertThat(apns.header("apns-collapse-id")).isEqualTo(conversationOf(alice, carol));
            JsonNode aps = ApiClient.JSON.readTree(apns.body()).get("aps");
            assertThat(aps.get("alert").get("title").asString()).isEqualTo("Alice");
            assertThat(aps.get("alert").get("body").asString())
                    .as("registered without previews")
                    .isEqualTo("New message");
            assertThat(aps.get("badge").asLong()).isEqualTo(1);
            assertThat(aps.get("thread-id").asString()).isEqualTo(conversationOf(alice, carol));
            SignedJWT providerToken =
                    SignedJWT.parse(apns.header("authorization").substring("bearer ".length()));
            assertThat(providerToken.verify(new ECDSAVerifier(platform.pushCredentials.apnsPublicKey)))
                    .isTrue();
            assertThat(providerToken.getHeader().getKeyID()).isEqualTo(PushCredentials.APNS_KEY_ID);
            assertThat(providerToken.getJWTClaimsSet().getIssuer()).isEqualTo(PushCredentials.APNS_TEAM);

            // the app was uninstalled: FCM says UNREGISTERED, APNs 410; both registrations go
            pushService.answerWhen(fcmToken, 404);
            pushService.answerWhen(apnsToken, 410);
            sent(a, "f2", to(bob), text("still there?"));
            sent(a, "a2", to(carol), text("still there?"));
            Awaitility.await("both registrations to be removed")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> api.get("/api/push/devices", bobPhone.accessToken())
                                    .json()
                                    .isEmpty()
                            && api.get("/api/push/devices", carolPhone.accessToken())
                                    .json()
                                    .isEmpty());
        }
    }

    private List<FakePushService.Received> awaitContaining(String text, int count) {
        Awaitility.await(count + " pushes with " + text)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> pushService.containing(text).size() >= count);
        return pushService.containing(text);
    }

    private List<FakePushService.Received> awaitPushes(String path, int count) {
        Awaitility.await(count + " pushes to " + path)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> pushService.to(path).size() >= count);
        return pushService.to(path);
    }

    /** The count stays where it is for a while: what was not pushed by then would have been. */
    private void assertNoMorePushes(String path, int count) {
        Awaitility.await("no more pushes to " + path)
                .during(QUIET)
                .atMost(QUIET.plusSeconds(5))
                .until(() -> pushService.to(path).size() == count);
    }

    /** Authorization: vapid t=<ES256 JWT for the push service's origin>, k=<the server's public key>. */
    private static void assertVapid(FakePushService.Received push, String publicKey, String origin) throws Exception {
        String authorization = push.header("Authorization");
        assertThat(authorization).startsWith("vapid ");
        String token = Arrays.stream(authorization.substring(6).split(","))
                .map(String::trim)
                .filter(p -> p.startsWith("t="))
                .findFirst()
                .orElseThrow()
                .substring(2);
        assertThat(authorization).contains("k=" + publicKey);
        byte[] point = Base64URL.from(publicKey).decode();
        var key = new ECKey.Builder(
                        Curve.P_256,
                        Base64URL.encode(Arrays.copyOfRange(point, 1, 33)),
                        Base64URL.encode(Arrays.copyOfRange(point, 33, 65)))
                .build();
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(origin.replaceAll("/$", ""));
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
    }
}
