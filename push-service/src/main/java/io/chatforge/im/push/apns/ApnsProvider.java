package io.chatforge.im.push.apns;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.chatforge.im.push.content.Notification;
import io.chatforge.im.push.delivery.DeliveryProperties;
import io.chatforge.im.push.delivery.Outcome;
import io.chatforge.im.push.delivery.Provider;
import io.chatforge.im.push.device.Registration;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * APNs over HTTP/2 ({@code POST /3/device/{token}}) with token authentication: an ES256 JWT of
 * the team, signed with the .p8 key, reused for 40 minutes (APNs refuses tokens renewed more than
 * every 20 minutes and older than an hour). {@code aps.alert}, {@code aps.badge} and
 * {@code thread-id} (the conversation) carry the notification; the payload's fields ride along.
 * 410, or 400 {@code BadDeviceToken}, mean the registration is gone.
 */
@Component
class ApnsProvider implements Provider {
    private static final Logger log = LoggerFactory.getLogger(ApnsProvider.class);
    private static final Duration TOKEN_LIFE = Duration.ofMinutes(40);

    private final ApnsProperties properties;
    private final ECPrivateKey key;
    private final DeliveryProperties delivery;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private volatile String token;
    private volatile long tokenIssuedAt;

    ApnsProvider(ApnsProperties properties, DeliveryProperties delivery, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.key = load(properties);
        this.delivery = delivery;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(delivery.timeout())
                .build();
        if (key == null) {
            log.info(
                    "APNs disabled: set IM_PUSH_APNS_KEY, IM_PUSH_APNS_KEY_ID, IM_PUSH_APNS_TEAM_ID and IM_PUSH_APNS_TOPIC");
        }
    }

    private static ECPrivateKey load(ApnsProperties p) {
        if (blank(p.key()) || blank(p.keyId()) || blank(p.teamId()) || blank(p.topic())) {
            return null;
        }
        try {
            String base64 = p.key()
                    .replace("\\n", "\n")
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("IM_PUSH_APNS_KEY is not a PKCS#8 EC key (.p8): " + e.getMessage(), e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String name() {
        return Registration.APNS;
    }

    @Override
    public boolean enabled() {
        return key != null;
    }

    @Override
    public Outcome send(Registration registration, Notification notification) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.url() + "/3/device/"
                        + URLEncoder.encode(registration.token(), StandardCharsets.UTF_8)))
                .timeout(delivery.timeout())
                .header("authorization", "bearer " + providerToken())
                .header("apns-topic", properties.topic())
                .header("apns-push-type", "alert")
                .header("apns-priority", "10")
                .header("apns-collapse-id", collapseId(notification.conversationId()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(payload(notification))))
                .build();
        return Outcome.exchange(
                http,
                request,
                response -> response.statusCode() == 400 && response.body().contains("BadDeviceToken"));
    }

    /** The provider token, signed anew once it is 40 minutes old. */
    synchronized String providerToken() {
        long now = clock.millis();
        if (token == null || now - tokenIssuedAt > TOKEN_LIFE.toMillis()) {
            try {
                var jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.ES256)
                                .keyID(properties.keyId())
                                .build(),
                        new JWTClaimsSet.Builder()
                                .issuer(properties.teamId())
                                .issueTime(new Date(now / 1000 * 1000))
                                .build());
                jwt.sign(new ECDSASigner(key));
                token = jwt.serialize();
                tokenIssuedAt = now;
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot sign the APNs provider token", e);
            }
        }
        return token;
    }

    /** {@code aps} for the alert, the badge and the thread; the payload's fields beside it. */
    static Map<String, Object> payload(Notification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "aps",
                Map.of(
                        "alert", Map.of("title", n.title(), "body", n.body()),
                        "badge", n.badge(),
                        "sound", "default",
                        "thread-id", n.conversationId()));
        body.put("type", n.type());
        body.put("conversationId", n.conversationId());
        body.put("msgId", n.msgId());
        body.put("seq", n.seq());
        body.put("fromUserId", n.fromUserId());
        return body;
    }

    /** At most 64 bytes. */
    static String collapseId(String conversationId) {
        return conversationId.length() <= 64 ? conversationId : conversationId.substring(0, 64);
    }
}
