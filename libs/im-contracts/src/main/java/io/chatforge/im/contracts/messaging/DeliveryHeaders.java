package io.chatforge.im.contracts.messaging;

/**
 * Records on {@code im.deliver} carry the exact frame to push as their value and say whom it is
 * for in headers, so a connector forwards it without parsing the frame.
 */
public final class DeliveryHeaders {
    /** the user whose connected devices get the frame (decimal) */
    public static final String USER = "im-user";
    /** only this device of the user (the sender's device, for sent and error) */
    public static final String DEVICE = "im-device";
    /** every device of the user except this one (the sender's other devices get a copy) */
    public static final String EXCLUDE_DEVICE = "im-exclude-device";
    /**
     * Not a frame to push but an order: close the sessions of {@link #USER}/{@link #DEVICE} on this
     * pod except the session with this id (the same device logged in on another pod). The value
     * is the {@code kicked} event frame to send them first.
     */
    public static final String KICK_EXCEPT_SESSION = "im-kick-except";

    private DeliveryHeaders() {}
}
