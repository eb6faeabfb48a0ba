package io.chatforge.im.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A minimal JSON-over-HTTP client of the gateway, as a mobile or web client would use it. */
final class ApiClient {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String address;

    ApiClient(String baseUrl, String address) {
        this.baseUrl = baseUrl;
        this.address = address;
    }

    static String randomAddress() {
        var r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    Response get(String path, String token) {
        return send("GET", path, null, token, Map.of());
    }

    Response post(String path, Object body, String token) {
        return send("POST", path, body, token, Map.of());
    }

    Response patch(String path, Object body, String token) {
        return send("PATCH", path, body, token, Map.of());
    }

    Response delete(String path, String token) {
        return send("DELETE", path, null, token, Map.of());
    }

    /** {@code body} is sent as is when it is a String (to send broken JSON), else as JSON. */
    Response send(String method, String path, Object body, String token, Map<String, String> headers) {
        String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .header("X-Forwarded-For", address)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String text(String field) {
            JsonNode value = json().get(field);
            return value == null || value.isNull() ? null : value.asString();
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The problem+json {@code code}, for asserting on error answers. */
        String problemCode() {
            return text("code");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
