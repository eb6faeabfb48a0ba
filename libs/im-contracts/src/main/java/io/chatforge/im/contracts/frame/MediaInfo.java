package io.chatforge.im.contracts.frame;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a media message carries about its object, as media-service recorded it when the upload
 * completed (never what the client declared): {@code width}/{@code height} for pictures,
 * {@code durationMs} for voice and video when known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaInfo(
        String mediaId,
        String contentType,
        Long size,
        String fileName,
        Integer width,
        Integer height,
        Long durationMs) {

    /** Only the id, as a send names it. */
    public static MediaInfo of(String mediaId) {
        return new MediaInfo(mediaId, null, null, null, null, null, null);
    }
}
