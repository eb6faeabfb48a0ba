package io.chatforge.im.contracts.frame;

/** The answer to an {@code auth} frame: the connection now lives until {@code expiresAt} (epoch ms). */
public record AuthOkFrame(String type, String ref, long expiresAt) {

    public AuthOkFrame(String ref, long expiresAt) {
        this(FrameTypes.AUTH_OK, ref, expiresAt);
    }
}
