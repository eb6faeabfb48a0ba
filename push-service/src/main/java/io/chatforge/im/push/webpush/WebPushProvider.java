package io.chatforge.im.push.webpush;

import com.interaso.webpush.WebPush;
import io.chatforge.im.push.content.Notification;
import io.chatforge.im.push.delivery.DeliveryProperties;
import io.chatforge.im.push.delivery.Outcome;
import io.chatforge.im.push.delivery.Provider;
import io.chatforge.im.push.device.EndpointGuard;
import io.chatforge.im.push.device.Registration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web Push (RFC 8030): the notification as JSON, encrypted for the subscription (RFC 8291,
 * aes128gcm) and signed with the VAPID key (RFC 8292) by the webpush library; the request is
 * this service's own (a timeout, no redirects, the endpoint checked again before each send).
 * {@code Topic} is the conversation: a newer push replaces an undelivered older one.
 */
@Component
class WebPushProvider implements Provider {
    private static final int TTL_SECONDS = 24 * 3600;

    private final VapidKeyring keyring;
    private final WebPushProperties properties;
    private final EndpointGuard guard;
    private final DeliveryProperties delivery;
    private final JsonMapper json;
    private final HttpClient http;

    WebPushProvider(
            VapidKeyring keyring,
            WebPushProperties properties,
            EndpointGuard guard,
            DeliveryProperties delivery,
            JsonMapper json) {
        this.keyring = keyring;
        this.properties = properties;
        this.guard = guard;
        this.delivery = delivery;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(delivery.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return Registration.WEBPUSH;
    }

    @Override
    public boolean enabled() {
        return keyring.keys().isPresent();
    }

    @Override
    public Outcome send(Registration registration, Notification notification) {
        if (!guard.allows(registration.endpoint())) {
            return new Outcome(Outcome.Kind.GONE, 0, null); // the allow-list changed since it registered
        }
        WebPush webPush = new WebPush(properties.subject(), keyring.keys().orElseThrow());
        byte[] body = webPush.getBody(
                json.writeValueAsBytes(notification), decode(registration.p256dh()), decode(registration.auth()));
        Map<String, String> headers = webPush.getHeaders(
                registration.endpoint(), TTL_SECONDS, topic(notification.conversationId()), WebPush.Urgency.High);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registration.endpoint()))
                .timeout(delivery.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                request.header(name, value);
            }
        });
        return Outcome.exchange(http, request.build(), response -> false);
    }

    /** A topic is at most 32 URL-safe characters. */
    static String topic(String conversationId) {
        String safe = conversationId.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe.length() <= 32 ? safe : safe.substring(0, 32);
    }

    private static byte[] decode(String base64url) {
        return Base64.getUrlDecoder().decode(base64url.replace("=", ""));
    }
}
