package io.chatforge.im.contracts.frame;

/** The answer to ping, with the server's time. */
public record PongFrame(String type, long ts) {

    public PongFrame(long ts) {
        this(FrameTypes.PONG, ts);
    }
}
