package io.chatforge.im.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;

/** Uploads and downloads as a client does them: announce, PUT to the URL given, complete, follow 302s. */
final class MediaSteps {
    private static final HttpClient RAW = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private MediaSteps() {}

    static ApiClient.Response announce(
            ApiClient api, Accounts.Account who, String kind, String contentType, long size, String fileName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("contentType", contentType);
        body.put("size", size);
        body.put("fileName", fileName);
        return api.post("/api/media", body, who.accessToken());
    }

    /** Announces, uploads and completes; the completed media's view. */
    static JsonNode upload(
            ApiClient api, Accounts.Account who, String kind, String contentType, byte[] bytes, String fileName) {
        var ticket = announce(api, who, kind, contentType, bytes.length, fileName);
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
        var put = put(ticket.json().get("upload"), bytes);
        assertThat(put.statusCode()).as("PUT " + put.body()).isEqualTo(200);
        var done = api.post("/api/media/" + ticket.text("mediaId") + "/complete", null, who.accessToken());
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        return done.json();
    }

    /** PUTs the bytes to an upload's URL with the headers it names (and nothing else of ours). */
    static HttpResponse<String> put(JsonNode upload, byte[] bytes) {
        return put(upload, bytes, upload.get("headers").get("Content-Type").asString());
    }

    static HttpResponse<String> put(JsonNode upload, byte[] bytes, String contentType) {
        var request = HttpRequest.newBuilder(URI.create(upload.get("url").asString()))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return call(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /api/media/{id}[/thumbnail]}: the 302 (or the error) as answered. */
    static ApiClient.Response link(ApiClient api, Accounts.Account who, String mediaId, boolean thumbnail) {
        return api.get("/api/media/" + mediaId + (thumbnail ? "/thumbnail" : ""), who.accessToken());
    }

    /** Follows a download's 302 (without our token: the URL is the credential). */
    static HttpResponse<byte[]> fetch(String url, String range) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (range != null) {
            request.header("Range", range);
        }
        return call(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] download(ApiClient api, Accounts.Account who, String mediaId, boolean thumbnail) {
        var link = link(api, who, mediaId, thumbnail);
        assertThat(link.status()).as(link.toString()).isEqualTo(302);
        var got = fetch(link.headers().firstValue("Location").orElseThrow(), null);
        assertThat(got.statusCode()).isEqualTo(200);
        return got.body();
    }

    static byte[] png(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage picture(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return RAW.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
