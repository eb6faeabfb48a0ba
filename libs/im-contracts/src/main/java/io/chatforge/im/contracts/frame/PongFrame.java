package io.chatforge.im.contracts.frame;

/**
 * The answer to ping, with the server's time and its idle timeout: a client whose heartbeat is
 * slower than that learns it here instead of from being disconnected.
 */
public record PongFrame(String type, long ts, long idleTimeoutMs) {

    public PongFrame(long ts, long idleTimeoutMs) {
        this(FrameTypes.PONG, ts, idleTimeoutMs);
    }
}
