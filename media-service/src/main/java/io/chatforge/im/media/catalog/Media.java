package io.chatforge.im.media.catalog;

import io.chatforge.im.contracts.frame.MediaInfo;

/** One uploaded (or announced) object and what the service found it to be. */
public record Media(
        long id,
        long ownerId,
        String kind,
        String contentType,
        long size,
        String fileName,
        Status status,
        Integer width,
        Integer height,
        Long durationMs,
        boolean thumbnail,
        long createdAt,
        Long completedAt,
        Long claimedAt) {

    public enum Status {
        PENDING,
        READY
    }

    public String key() {
        return keyOf(id);
    }

    public String thumbnailKey() {
        return key() + ".thumb.jpg";
    }

    public static String keyOf(long id) {
        return "m/" + id;
    }

    public boolean ready() {
        return status == Status.READY;
    }

    public MediaInfo info() {
        return new MediaInfo(Long.toString(id), contentType, size, fileName, width, height, durationMs);
    }
}
