package io.chatforge.im.contracts.frame;

/**
 * Something happened that is not a message: {@code kicked}, {@code presence}, {@code typing},
 * {@code resync} (pushes may have been lost: sync now), or a social event ({@code friend.request.received}, ...), with details in {@code data}.
 */
public record EventFrame(String type, String kind, Object data) {

    public static final String KICKED = "kicked";
    public static final String PRESENCE = "presence";
    public static final String TYPING = "typing";
    /** this device's route was lost (Redis flushed, expired): messages meanwhile were not pushed */
    public static final String RESYNC = "resync";

    public EventFrame(String kind, Object data) {
        this(FrameTypes.EVENT, kind, data);
    }
}
