package io.chatforge.im.contracts.media;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.chatforge.im.contracts.frame.MediaInfo;
import java.util.List;

/**
 * Internal calls between message-service and media-service (never routed by the gateway).
 * media-service owns the objects and what they are; message-service owns which messages carry
 * them, and so who may read them.
 */
public final class MediaInternalApi {
    /** media-service: the media of these ids that are ready and were uploaded by the user. */
    public static final String CLAIMS = "/internal/media/claims";
    /** message-service: may this user read a message that carries this media? */
    public static final String READABLE = "/internal/messages/media/{mediaId}/readers/{userId}";
    /** message-service: which of these media some message still carries. */
    public static final String REFERENCED = "/internal/messages/media/referenced";

    /** At most this many ids per claim or reference question. */
    public static final int MAX_IDS = 500;

    private MediaInternalApi() {}

    public record ClaimRequest(long userId, List<String> mediaIds) {}

    /** A media object ready to be sent, with its kind. */
    public record Claimed(String kind, @JsonUnwrapped MediaInfo media) {}

    public record Readable(boolean readable) {}

    public record MediaIds(List<String> mediaIds) {}
}
