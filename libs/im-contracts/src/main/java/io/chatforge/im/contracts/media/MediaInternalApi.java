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
    /** media-service: which of these (sender, media) pairs name a ready upload of that sender. */
    public static final String CLAIMS = "/internal/media/claims";
    /** message-service: may this user read a message that carries this media? */
    public static final String READABLE = "/internal/messages/media/{mediaId}/readers/{userId}";
    /** message-service: which of these media some message still carries. */
    public static final String REFERENCED = "/internal/messages/media/referenced";

    /** At most this many ids per claim or reference question. */
    public static final int MAX_IDS = 500;

    private MediaInternalApi() {}

    /** A batch of sends' media: one call for all the senders of a batch. */
    public record ClaimRequest(List<Claim> claims) {}

    public record Claim(long userId, String mediaId) {}

    /** A media object ready to be sent by its uploader, with its kind. */
    public record Claimed(
            long userId, String kind, @JsonUnwrapped MediaInfo media) {}

    public record Readable(boolean readable) {}

    public record MediaIds(List<String> mediaIds) {}
}
