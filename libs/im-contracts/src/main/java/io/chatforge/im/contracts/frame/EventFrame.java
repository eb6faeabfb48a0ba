package io.chatforge.im.contracts.frame;

/**
 * Something happened that is not a message: {@code kicked}, {@code presence}, {@code typing},
 * or a social event ({@code friend.request.received}, ...), with details in {@code data}.
 */
public record EventFrame(String type, String kind, Object data) {

    public static final String KICKED = "kicked";
    public static final String PRESENCE = "presence";
    public static final String TYPING = "typing";

    public EventFrame(String kind, Object data) {
        this(FrameTypes.EVENT, kind, data);
    }
}
