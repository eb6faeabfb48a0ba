package io.chatforge.im.media.upload;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What an upload may be: the largest size of each kind, the content types each kind accepts
 * ({@code type/*} accepts a whole family), the bytes one user may keep, and uploads per minute.
 */
@ConfigurationProperties("im.media.limits")
public record MediaLimits(
        @DefaultValue("20MB") DataSize image,
        @DefaultValue("50MB") DataSize audio,
        @DefaultValue("200MB") DataSize video,
        @DefaultValue("100MB") DataSize file,
        @DefaultValue("2GB") DataSize quota,
        @DefaultValue("30") int uploadsPerMinute,
        Map<String, List<String>> types) {

    /** Raster pictures only: an SVG is a document with scripts, served from the gateway's origin. */
    static final Map<String, List<String>> DEFAULT_TYPES = Map.of(
            "image", List.of("image/jpeg", "image/png", "image/gif", "image/webp"),
            "audio",
                    List.of(
                            "audio/mpeg",
                            "audio/mp4",
                            "audio/aac",
                            "audio/ogg",
                            "audio/webm",
                            "audio/wav",
                            "audio/x-wav",
                            "audio/amr",
                            "audio/flac"),
            "video", List.of("video/mp4", "video/webm", "video/quicktime", "video/x-matroska"),
            "file",
                    List.of(
                            "application/*",
                            "text/plain",
                            "text/csv",
                            "text/markdown",
                            "image/*",
                            "audio/*",
                            "video/*",
                            "font/*"));

    public MediaLimits {
        types = types == null || types.isEmpty() ? DEFAULT_TYPES : Map.copyOf(types);
    }

    long maxBytes(String kind) {
        return switch (kind) {
            case "image" -> image.toBytes();
            case "audio" -> audio.toBytes();
            case "video" -> video.toBytes();
            default -> file.toBytes();
        };
    }

    List<String> typesOf(String kind) {
        return types.getOrDefault(kind, List.of());
    }
}
