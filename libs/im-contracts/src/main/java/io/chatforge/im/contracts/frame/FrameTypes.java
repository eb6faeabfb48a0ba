package io.chatforge.im.contracts.frame;

/** The {@code type} of every WebSocket frame (JSON text). See docs/protocol.md. */
public final class FrameTypes {
    // client -> server
    public static final String SEND = "send";
    public static final String ACK = "ack";
    public static final String READ = "read";
    public static final String SYNC = "sync";
    public static final String TYPING = "typing";
    public static final String PING = "ping";
    /** a fresh access token for the same user and device, before the connection's one expires */
    public static final String AUTH = "auth";
    /** the app went to the background ({@code foreground: false}) or came back: who gets push notifications */
    public static final String STATE = "state";
    // server -> client
    public static final String SENT = "sent";
    public static final String MSG = "msg";
    public static final String RECEIPT = "receipt";
    public static final String SYNC_PAGE = "sync.page";
    public static final String EVENT = "event";
    public static final String PONG = "pong";
    public static final String AUTH_OK = "auth.ok";
    public static final String ERROR = "error";

    private FrameTypes() {}
}
