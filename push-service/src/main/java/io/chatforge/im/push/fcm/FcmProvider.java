package io.chatforge.im.push.fcm;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.chatforge.im.push.content.Notification;
import io.chatforge.im.push.delivery.DeliveryProperties;
import io.chatforge.im.push.delivery.Outcome;
import io.chatforge.im.push.delivery.Provider;
import io.chatforge.im.push.device.Registration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * FCM HTTP v1 ({@code POST /v1/projects/{project}/messages:send}) with an OAuth2 access token of
 * the service account (Google's auth library fetches and refreshes it). The payload's fields go
 * as {@code data} (strings), title and body as the notification, the conversation as Android's
 * collapse key and tag. 404 {@code UNREGISTERED} or 400 {@code INVALID_ARGUMENT} on the token
 * mean the registration is gone.
 */
@Component
class FcmProvider implements Provider {
    private static final Logger log = LoggerFactory.getLogger(FcmProvider.class);
    private static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    private final GoogleCredentials credentials;
    private final String projectId;
    private final FcmProperties properties;
    private final DeliveryProperties delivery;
    private final JsonMapper json;
    private final HttpClient http;

    FcmProvider(FcmProperties properties, DeliveryProperties delivery, JsonMapper json) {
        this.properties = properties;
        this.delivery = delivery;
        this.json = json;
        ServiceAccountCredentials account = load(properties);
        this.credentials = account == null ? null : account.createScoped(List.of(SCOPE));
        this.projectId = account == null ? null : account.getProjectId();
        this.http = HttpClient.newBuilder().connectTimeout(delivery.timeout()).build();
        if (account == null) {
            log.info(
                    "FCM disabled: set IM_PUSH_FCM_SERVICE_ACCOUNT (the service account's JSON key) or IM_PUSH_FCM_SERVICE_ACCOUNT_FILE");
        }
    }

    private static ServiceAccountCredentials load(FcmProperties p) {
        try {
            if (p.serviceAccount() != null && !p.serviceAccount().isBlank()) {
                return read(new ByteArrayInputStream(p.serviceAccount().getBytes(StandardCharsets.UTF_8)));
            }
            if (p.serviceAccountFile() != null && !p.serviceAccountFile().isBlank()) {
                try (InputStream in = Files.newInputStream(Path.of(p.serviceAccountFile()))) {
                    return read(in);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the FCM service account key cannot be read: " + e.getMessage(), e);
        }
        return null;
    }

    private static ServiceAccountCredentials read(InputStream in) throws IOException {
        return ServiceAccountCredentials.fromStream(in);
    }

    @Override
    public String name() {
        return Registration.FCM;
    }

    @Override
    public boolean enabled() {
        return credentials != null;
    }

    @Override
    public Outcome send(Registration registration, Notification notification) {
        String token;
        try {
            credentials.refreshIfExpired();
            token = credentials.getAccessToken().getTokenValue();
        } catch (IOException e) {
            return Outcome.unreachable(); // the token endpoint did not answer
        }
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(properties.url() + "/v1/projects/" + projectId + "/messages:send"))
                .timeout(delivery.timeout())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        json.writeValueAsBytes(message(registration, notification))))
                .build();
        return Outcome.exchange(
                http,
                request,
                response -> response.statusCode() == 400
                        && response.body().contains("INVALID_ARGUMENT")
                        && response.body().contains("registration token"));
    }

    /** The v1 message: data for the app, a visible notification, collapsed per conversation. */
    static Map<String, Object> message(Registration registration, Notification n) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("type", n.type());
        data.put("conversationId", n.conversationId());
        data.put("msgId", n.msgId());
        data.put("seq", Long.toString(n.seq()));
        data.put("fromUserId", Long.toString(n.fromUserId()));
        data.put("title", n.title());
        data.put("body", n.body());
        data.put("badge", Long.toString(n.badge()));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("token", registration.token());
        message.put("data", data);
        message.put("notification", Map.of("title", n.title(), "body", n.body()));
        message.put(
                "android",
                Map.of(
                        "collapse_key", n.conversationId(),
                        "priority", "HIGH",
                        "notification", Map.of("tag", n.conversationId(), "notification_count", n.badge())));
        return Map.of("message", message);
    }
}
