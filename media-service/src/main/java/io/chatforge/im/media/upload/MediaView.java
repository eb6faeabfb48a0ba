package io.chatforge.im.media.upload;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chatforge.im.media.catalog.Media;

/** A completed upload, as {@code POST /api/media/{id}/complete} answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MediaView(
        String mediaId,
        String kind,
        String contentType,
        long size,
        String fileName,
        Integer width,
        Integer height,
        Long durationMs,
        boolean thumbnail,
        String status) {

    static MediaView of(Media m) {
        return new MediaView(
                Long.toString(m.id()),
                m.kind(),
                m.contentType(),
                m.size(),
                m.fileName(),
                m.width(),
                m.height(),
                m.durationMs(),
                m.thumbnail(),
                m.status().name().toLowerCase(java.util.Locale.ROOT));
    }
}
