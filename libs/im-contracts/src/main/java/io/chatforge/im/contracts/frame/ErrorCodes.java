package io.chatforge.im.contracts.frame;

/** The {@code code} values of {@link ErrorFrame}. */
public final class ErrorCodes {
    public static final String MALFORMED = "malformed_frame";
    public static final String UNKNOWN_TYPE = "unknown_type";
    public static final String MISSING_FIELD = "missing_field";
    public static final String INVALID_FIELD = "invalid_field";
    public static final String TOO_LONG = "text_too_long";
    public static final String FRAME_TOO_LARGE = "frame_too_large";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String NOT_FRIENDS = "not_friends";
    public static final String BLOCKED = "blocked";
    public static final String NOT_A_MEMBER = "not_a_member";
    /** the sender is muted in this group (or the whole group is) */
    public static final String MUTED = "muted";
    /** the message to edit, recall, react to, forward or delete is unknown, recalled or not yours to read */
    public static final String NOT_FOUND = "not_found";
    /** the change is not yours to make (someone else's message, "all" mentions by a plain member) */
    public static final String NOT_ALLOWED = "not_allowed";

    public static final String EDIT_WINDOW_PASSED = "edit_window_passed";
    public static final String RECALL_WINDOW_PASSED = "recall_window_passed";
    /** retry later with the same clientMsgId */
    public static final String UNAVAILABLE = "temporarily_unavailable";

    public static final String TOO_MANY_CONNECTIONS = "too_many_connections";
    /** an {@code auth} frame's token is not valid, or not for this user and device */
    public static final String INVALID_TOKEN = "invalid_token";
    /** the connection's access token expired without renewal; close 4004 follows */
    public static final String TOKEN_EXPIRED = "token_expired";

    private ErrorCodes() {}
}
