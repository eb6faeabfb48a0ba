package io.chatforge.im.contracts.frame;

/**
 * A frame was refused. {@code ref} names the frame: the clientMsgId of a send, else the frame's
 * own {@code ref} field if it had one, else its type. The session stays open.
 */
public record ErrorFrame(String type, String code, String message, String ref) {

    public ErrorFrame(String code, String message, String ref) {
        this(FrameTypes.ERROR, code, message, ref);
    }
}
